package dev.consentkit.core.spi;

import dev.consentkit.core.audit.AuditCheckpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mark an audit store keeps beside the chain ({@link AuditStore#saveMark}, {@link AuditStore#marks}):
 * a checkpoint of the head, the point where the last clean incremental verification ended, or the
 * boundary of the ledger written before schema v4 (set by consent-jdbc's schema upgrade; a store that
 * never held older rows has none). Immutable.
 */
public sealed interface AuditMark permits AuditMark.Checkpoint, VerifiedPoint, AuditMark.LegacyLedger {
    /**
     * A checkpoint of the head; a store keeps every one.
     *
     * @param checkpoint the checkpoint
     */
    record Checkpoint(AuditCheckpoint checkpoint) implements AuditMark {
        /** Checks for null. */
        public Checkpoint {
            Objects.requireNonNull(checkpoint, "checkpoint");
        }
    }

    /**
     * The highest ledger sequence written before schema v4, whose rows have no ledger digest.
     *
     * @param until that sequence (0 when none was)
     */
    record LegacyLedger(long until) implements AuditMark {
        /** @throws IllegalArgumentException if {@code until} is negative */
        public LegacyLedger {
            if (until < 0) {
                throw new IllegalArgumentException("the legacy ledger boundary must not be negative");
            }
        }
    }

    /**
     * @param marks marks as a store returned them
     * @return the checkpoints among them, in the store's order
     */
    static List<AuditCheckpoint> checkpoints(List<AuditMark> marks) {
        return marks.stream().filter(Checkpoint.class::isInstance).map(m -> ((Checkpoint) m).checkpoint()).toList();
    }

    /**
     * @param marks marks as a store returned them
     * @return the last verified point among them, if any
     */
    static Optional<VerifiedPoint> verifiedPoint(List<AuditMark> marks) {
        return marks.stream().filter(VerifiedPoint.class::isInstance).map(VerifiedPoint.class::cast)
                .reduce((first, second) -> second);
    }

    /**
     * @param marks marks as a store returned them
     * @return the legacy ledger boundary among them, 0 if there is none
     */
    static long legacyLedgerUntil(List<AuditMark> marks) {
        return marks.stream().filter(LegacyLedger.class::isInstance).mapToLong(m -> ((LegacyLedger) m).until())
                .max().orElse(0);
    }
}
