package dev.consentkit.core.monitor;

import dev.consentkit.core.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Suspicious access by one principal: which threshold was crossed, by how much, and whether someone
 * has acknowledged it. Holds no personal data of clients: the principal is the host's staff or
 * component id.
 *
 * @param id the alert's id
 * @param rule the threshold crossed
 * @param principal whose access it is
 * @param raisedAt time of the audit event that crossed the threshold
 * @param observed what was counted: openings, distinct subjects or denials in a row; 1 for an access
 *                 outside working hours
 * @param threshold the policy's limit; 0 for an access outside working hours (none is expected)
 * @param auditSequence sequence of the audit record that crossed it
 * @param acknowledgement who acknowledged it, if anyone has
 */
public record MonitoringAlert(UUID id, AlertRule rule, Actor principal, Instant raisedAt, int observed, int threshold,
                              long auditSequence, Optional<Acknowledgement> acknowledgement) {
    /**
     * @throws IllegalArgumentException if a count or the sequence is negative, or the principal is the
     *                                  subject (subjects are not monitored)
     */
    public MonitoringAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        if (observed < 0 || threshold < 0 || auditSequence <= 0) {
            throw new IllegalArgumentException("alert counts must not be negative and the audit sequence positive");
        }
        if (principal.kind() == Actor.Kind.SUBJECT) {
            throw new IllegalArgumentException("alerts concern staff or components, not the data subject");
        }
    }

    /** @return whether someone acknowledged it */
    public boolean isAcknowledged() {
        return acknowledgement.isPresent();
    }

    /**
     * @param ack the acknowledgement
     * @return this alert, acknowledged
     */
    public MonitoringAlert acknowledged(Acknowledgement ack) {
        return new MonitoringAlert(id, rule, principal, raisedAt, observed, threshold, auditSequence,
                Optional.of(Objects.requireNonNull(ack, "ack")));
    }
}
