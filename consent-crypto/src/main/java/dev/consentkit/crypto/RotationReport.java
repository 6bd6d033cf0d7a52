package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import java.util.Objects;

/**
 * How far a master-key rotation ({@link FieldCrypto#rewrapAll}) has come: given after every batch and
 * returned at the end. Counts cover this run only; a run resumed after an interruption counts from zero.
 * Immutable; holds ids and counts only.
 *
 * @param kekId the master key the data keys are rewrapped under
 * @param batches batches committed
 * @param rewrapped data keys rewrapped
 * @param skipped data keys shredded between being read and being rewrapped (nothing left to rewrap)
 */
public record RotationReport(KekId kekId, int batches, long rewrapped, long skipped) {
    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public RotationReport {
        Objects.requireNonNull(kekId, "kekId");
        if (batches < 0 || rewrapped < 0 || skipped < 0) {
            throw new IllegalArgumentException("rotation counts must not be negative");
        }
    }

    RotationReport plus(long rewrappedInBatch, long skippedInBatch) {
        return new RotationReport(kekId, batches + 1, rewrapped + rewrappedInBatch, skipped + skippedInBatch);
    }
}
