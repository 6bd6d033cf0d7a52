package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a request's history: the state it entered, when, by whom, with what note, and for an
 * extension the due time it set and the period it extended by.
 *
 * <p>The note is the outcome summary of a completion, the reason of a refusal (with the right to
 * complain) or of an extension. It is kept with the request, never in the audit chain or a log; write
 * it without personal data where you can.
 *
 * @param state the state entered
 * @param at when, to the microsecond
 * @param actor who took the step
 * @param note 1 to {@value #MAX_NOTE} characters, if any
 * @param dueAt the new due time, for {@link RequestState#EXTENDED} only: the one set when extending
 *              (a recomputed provisional deadline may later move the one in force, see
 *              {@link SubjectRequest#extendedDueAt()})
 * @param extendedBy the period of the extension, for {@link RequestState#EXTENDED} only; recorded
 *                   since schema v4, so a provisional extended deadline can be recomputed
 */
public record RequestStep(RequestState state, Instant at, Actor actor, Optional<String> note, Optional<Instant> dueAt,
                          Optional<LegalPeriod> extendedBy) {
    /** Longest note. */
    public static final int MAX_NOTE = 2000;

    /**
     * @throws IllegalArgumentException if the note is blank or too long, or a due time or period is
     *                                  given for a step other than an extension (or no due time for one)
     */
    public RequestStep {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(dueAt, "dueAt");
        note.ifPresent(n -> {
            if (n.isBlank() || n.length() > MAX_NOTE) {
                throw new IllegalArgumentException("a request note has 1 to " + MAX_NOTE + " characters, not blank");
            }
        });
        Objects.requireNonNull(extendedBy, "extendedBy");
        if (dueAt.isPresent() != (state == RequestState.EXTENDED)) {
            throw new IllegalArgumentException("an EXTENDED step, and only it, carries a new due time");
        }
        if (extendedBy.isPresent() && state != RequestState.EXTENDED) {
            throw new IllegalArgumentException("only an EXTENDED step carries the period it extended by");
        }
    }

    /**
     * A step without an extension period (every step but an extension, or an extension recorded before
     * schema v4).
     *
     * @param state the state entered
     * @param at when
     * @param actor who took the step
     * @param note the note, if any
     * @param dueAt the new due time, for {@link RequestState#EXTENDED} only
     * @throws IllegalArgumentException as the canonical constructor
     */
    public RequestStep(RequestState state, Instant at, Actor actor, Optional<String> note, Optional<Instant> dueAt) {
        this(state, at, actor, note, dueAt, Optional.empty());
    }

    @Override
    public String toString() {
        return "RequestStep[" + state + " at " + at + " by " + actor + extendedBy.map(b -> ", by " + b).orElse("")
                + dueAt.map(d -> ", due " + d).orElse("") + "]";
    }
}
