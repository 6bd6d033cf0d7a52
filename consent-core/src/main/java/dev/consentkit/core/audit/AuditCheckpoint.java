package dev.consentkit.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * The head of the audit chain at a moment. A host may keep a copy outside the database (a log
 * shipper, a signed e-mail); {@code verify} then detects records cut off after it.
 *
 * @param sequence the head's sequence
 * @param link the head's link
 * @param time when the checkpoint was taken
 */
public record AuditCheckpoint(long sequence, String link, Instant time) {
    /**
     * @throws IllegalArgumentException if the sequence is not positive or the link is malformed
     */
    public AuditCheckpoint {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(time, "time");
        if (sequence <= 0 || !link.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("checkpoint needs a positive sequence and a 64-hex-character link");
        }
    }
}
