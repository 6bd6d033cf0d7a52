package dev.consentkit.core.register;

import dev.consentkit.core.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification sent for one clock of a breach (to the supervisory authority or Roskomnadzor).
 * Append-only: one per (breach, jurisdiction, clock).
 *
 * @param breach the breach
 * @param jurisdiction the jurisdiction id of the clock
 * @param clock the clock's name
 * @param sentAt when it was sent
 * @param recordedAt when it was recorded here
 * @param reference the authority's case number or the host's own reference (no personal data)
 * @param delayReason why it was sent after its deadline; present exactly when it was late
 * @param recordedBy who recorded it
 */
public record BreachNotification(BreachId breach, String jurisdiction, String clock, Instant sentAt,
                                 Instant recordedAt, String reference, Optional<String> delayReason,
                                 Actor recordedBy) {
    /**
     * @throws IllegalArgumentException if the reference is blank or longer than 128 characters, or the
     *                                  delay reason is blank or longer than 4000 characters
     */
    public BreachNotification {
        Objects.requireNonNull(breach, "breach");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(delayReason, "delayReason");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if (reference.isBlank() || reference.length() > 128) {
            throw new IllegalArgumentException("notification reference must have 1 to 128 characters");
        }
        delayReason.ifPresent(r -> BreachDetails.checkText(r, "delay reason"));
    }

    @Override
    public String toString() {
        return "BreachNotification[" + breach + " " + jurisdiction + "/" + clock + " sent " + sentAt
                + (delayReason.isPresent() ? ", late" : "") + "]";
    }
}
