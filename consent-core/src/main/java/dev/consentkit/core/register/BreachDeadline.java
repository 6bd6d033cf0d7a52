package dev.consentkit.core.register;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification deadline of a breach, computed once from a jurisdiction's breach clock when the
 * breach is recorded and stored with it (never recomputed silently).
 *
 * @param jurisdiction the jurisdiction's id, e.g. {@code "gdpr"}
 * @param clock the clock's name, e.g. {@code "authority-notice"}
 * @param dueAt when the notification is due
 * @param source the legal source of the clock
 */
public record BreachDeadline(String jurisdiction, String clock, Instant dueAt, String source) {
    /** Checks for nulls and blanks. */
    public BreachDeadline {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(source, "source");
        if (jurisdiction.isBlank() || clock.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("a breach deadline names its jurisdiction, clock and source");
        }
        if (jurisdiction.length() > 32 || clock.length() > 64 || source.length() > 128) {
            throw new IllegalArgumentException("breach deadline: jurisdiction at most 32, clock at most 64, source at"
                    + " most 128 characters");
        }
    }

    /**
     * @param jurisdictionId a jurisdiction id
     * @param clockName a clock name
     * @return whether this is that clock
     */
    public boolean is(String jurisdictionId, String clockName) {
        return jurisdiction.equals(jurisdictionId) && clock.equals(clockName);
    }
}
