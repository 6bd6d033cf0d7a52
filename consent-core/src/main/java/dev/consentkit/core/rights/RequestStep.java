package dev.consentkit.core.rights;

import dev.consentkit.core.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a request's history: the state it entered, when, by whom, with what note, and the new
 * due time of an extension.
 *
 * <p>The note is the outcome summary of a completion, the reason of a refusal (with the right to
 * complain) or of an extension. It is kept with the request, never in the audit chain or a log; write
 * it without personal data where you can.
 *
 * @param state the state entered
 * @param at when, to the microsecond
 * @param actor who took the step
 * @param note 1 to {@value #MAX_NOTE} characters, if any
 * @param dueAt the new due time, for {@link RequestState#EXTENDED} only
 */
public record RequestStep(RequestState state, Instant at, Actor actor, Optional<String> note, Optional<Instant> dueAt) {
    /** Longest note. */
    public static final int MAX_NOTE = 2000;

    /**
     * @throws IllegalArgumentException if the note is blank or too long, or a due time is given for a
     *                                  step other than an extension (or missing for one)
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
        if (dueAt.isPresent() != (state == RequestState.EXTENDED)) {
            throw new IllegalArgumentException("an EXTENDED step, and only it, carries a new due time");
        }
    }

    @Override
    public String toString() {
        return "RequestStep[" + state + " at " + at + " by " + actor + dueAt.map(d -> ", due " + d).orElse("") + "]";
    }
}
