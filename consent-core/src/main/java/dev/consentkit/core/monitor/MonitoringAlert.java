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
 * @param auditEntry id of the audit entry that crossed it ({@code AuditTrail.recordsOf} finds its record;
 *                   for alerts raised before schema v4, its sequence)
 * @param acknowledgement who acknowledged it, if anyone has
 */
public record MonitoringAlert(UUID id, AlertRule rule, Actor principal, Instant raisedAt, int observed, int threshold,
                              long auditEntry, Optional<Acknowledgement> acknowledgement) {
    /**
     * @throws IllegalArgumentException if a count is negative or the entry id not positive, or the principal is the
     *                                  subject (subjects are not monitored)
     */
    public MonitoringAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        if (observed < 0 || threshold < 0 || auditEntry <= 0) {
            throw new IllegalArgumentException("alert counts must not be negative and the audit entry id positive");
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
        return new MonitoringAlert(id, rule, principal, raisedAt, observed, threshold, auditEntry,
                Optional.of(Objects.requireNonNull(ack, "ack")));
    }
}
