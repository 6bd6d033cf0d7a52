package dev.consentkit.core.audit;

import java.util.Objects;

/**
 * An {@link AuditEvent} linked into the chain: {@code link = HMAC(auditKey, previousLink ||
 * canonical(sequence, event))}. Changing, removing or moving any record breaks a link.
 *
 * @param sequence position in the chain, from 1
 * @param event the event
 * @param previousLink link of the record before (64 zeros for the first)
 * @param link this record's link, 64 lower-case hex characters
 */
public record AuditRecord(long sequence, AuditEvent event, String previousLink, String link) {
    /**
     * @throws IllegalArgumentException if the sequence is not positive or a link is not 64 hex characters
     */
    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousLink, "previousLink");
        Objects.requireNonNull(link, "link");
        if (sequence <= 0) {
            throw new IllegalArgumentException("audit sequence must be positive");
        }
        if (!previousLink.matches("[0-9a-f]{64}") || !link.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("audit links must be 64 lower-case hex characters");
        }
    }
}
