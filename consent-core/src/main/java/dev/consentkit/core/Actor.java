package dev.consentkit.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who caused a change: the data subject, an operator of the host (a receptionist recording a paper
 * form), a guardian acting for a minor, or a system component (a scheduled expiry sweep).
 *
 * <p>The id is the host's staff or component id, never a personal value of the data subject. For
 * {@link Kind#SUBJECT} no id is kept: the subject is already named by the event.
 *
 * @param kind who acted
 * @param id the operator, guardian or component id; empty for the subject
 */
public record Actor(Kind kind, Optional<String> id) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]*");
    /** Longest accepted actor id. */
    public static final int MAX_LENGTH = 64;

    /** The closed set of actor kinds. */
    public enum Kind {
        /** The data subject acted personally. */
        SUBJECT,
        /** A member of the host's staff acted on the subject's behalf or on the controller's. */
        OPERATOR,
        /** A parent or legal representative acted for a minor or incapable subject. */
        GUARDIAN,
        /** A component of the host or of ConsentKit acted without a person. */
        SYSTEM
    }

    /**
     * Validates the actor.
     *
     * @throws IllegalArgumentException if a subject carries an id, or another kind lacks one
     */
    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind == Kind.SUBJECT && id.isPresent()) {
            throw new IllegalArgumentException("a SUBJECT actor carries no id");
        }
        if (kind != Kind.SUBJECT) {
            Ids.code(id.orElseThrow(() -> new IllegalArgumentException(kind + " actor needs an id")),
                    "actor id", FORM, MAX_LENGTH);
        }
    }

    /** @return the data subject acting personally */
    public static Actor subject() {
        return new Actor(Kind.SUBJECT, Optional.empty());
    }

    /**
     * @param operatorId the host's staff id
     * @return an operator actor
     */
    public static Actor operator(String operatorId) {
        return new Actor(Kind.OPERATOR, Optional.of(Objects.requireNonNull(operatorId, "actor id")));
    }

    /**
     * @param guardianId the host's id of the guardian (an id, not a name)
     * @return a guardian actor
     */
    public static Actor guardian(String guardianId) {
        return new Actor(Kind.GUARDIAN, Optional.of(Objects.requireNonNull(guardianId, "actor id")));
    }

    /**
     * @param component the component's name, e.g. {@code "expiry-sweep"}
     * @return a system actor
     */
    public static Actor system(String component) {
        return new Actor(Kind.SYSTEM, Optional.of(Objects.requireNonNull(component, "actor id")));
    }

    @Override
    public String toString() {
        return id.map(i -> kind + ":" + i).orElse(kind.toString());
    }
}
