package dev.consentkit.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * The head of the audit chain at a moment. Keep a copy outside the database (a log shipper, a signed
 * e-mail, write-once storage): {@code AuditTrail.verify(checkpoint)} then reports records cut off after
 * it as {@code TRUNCATED}. Without one, a consistent cut of the chain's tail — the last records
 * deleted, nothing else touched, stored checkpoints deleted with them — leaves a shorter chain that
 * verifies: it cannot be detected from inside the database.
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
