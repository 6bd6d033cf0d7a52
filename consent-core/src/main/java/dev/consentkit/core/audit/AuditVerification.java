package dev.consentkit.core.audit;

import java.util.Objects;

/**
 * The result of verifying the audit chain: {@link Intact}, or {@link Broken} at the first bad link.
 */
public sealed interface AuditVerification permits AuditVerification.Intact, AuditVerification.Broken {

    /** @return whether the chain verified */
    boolean isIntact();

    /** How a chain is broken. */
    enum BreakKind {
        /**
         * A record's content or link does not match its MACs, or a stored value is malformed (an unknown
         * actor kind, action or outcome, bad hex, an unknown link format): it was edited, or forged.
         */
        EDITED,
        /** A sequence number is missing: a record was deleted. */
        MISSING,
        /**
         * Records were moved: a record's stored link verifies under another sequence (within
         * {@link dev.consentkit.AuditChain#REORDER_WINDOW} positions), or an intact record does not follow the record
         * before it. A record moved further, or moved and edited, reads as {@link #EDITED}.
         */
        REORDERED,
        /** The chain ends before a checkpoint's sequence: its tail was cut off. */
        TRUNCATED,
        /** The record at a checkpoint's sequence has another link than the checkpoint: rewritten. */
        CHECKPOINT_MISMATCH
    }

    /**
     * Every link verified.
     *
     * @param records how many records were checked
     * @param headSequence sequence of the last record, 0 when empty
     * @param headLink link of the last record (64 zeros when empty)
     */
    record Intact(long records, long headSequence, String headLink) implements AuditVerification {
        /** Checks for nulls. */
        public Intact {
            Objects.requireNonNull(headLink, "headLink");
        }

        @Override
        public boolean isIntact() {
            return true;
        }
    }

    /**
     * The first broken link.
     *
     * @param sequence the sequence where the chain breaks
     * @param kind how it breaks
     */
    record Broken(long sequence, BreakKind kind) implements AuditVerification {
        /** Checks for nulls. */
        public Broken {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public boolean isIntact() {
            return false;
        }
    }
}
