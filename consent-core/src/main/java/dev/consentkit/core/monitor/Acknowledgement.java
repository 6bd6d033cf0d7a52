package dev.consentkit.core.monitor;

import dev.consentkit.core.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone looked at an alert and says what they found. The note is the host's own text; keep client
 * data out of it (name the ticket, not the client).
 *
 * @param by who acknowledged it
 * @param at when
 * @param note what was found or done, 1 to 500 characters
 */
public record Acknowledgement(Actor by, Instant at, String note) {
    /** Longest accepted note. */
    public static final int MAX_NOTE = 500;

    /**
     * @throws IllegalArgumentException if the note is blank or longer than 500 characters
     */
    public Acknowledgement {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
        if (note.isBlank() || note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("an acknowledgement note must have 1 to " + MAX_NOTE + " characters");
        }
    }

    @Override
    public String toString() {
        return "Acknowledgement[" + by + " at " + at + "]";
    }
}
