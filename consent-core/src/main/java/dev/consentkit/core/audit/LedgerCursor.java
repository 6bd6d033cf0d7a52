package dev.consentkit.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a resumable {@code AuditTrail.verifyLedger(cursor, pages)} continues: a phase and the last
 * position it finished. Keep it to resume a long verification later, in this process or another.
 *
 * @param phase the phase to continue in
 * @param ledgerSequence in {@link Phase#LEDGER}: the last ledger sequence checked (0 at the start)
 * @param subjectAfter in {@link Phase#PROJECTION} and {@link Phase#ORPHANS}: the stored id of the last subject checked
 */
public record LedgerCursor(Phase phase, long ledgerSequence, Optional<String> subjectAfter) {
    /** The start of a full verification. */
    public static final LedgerCursor START = new LedgerCursor(Phase.LEDGER, 0, Optional.empty());

    /** The phases of a full verification, in order. */
    public enum Phase {
        /** The ledger in sequence order against the audit entries that bind it. */
        LEDGER,
        /** Subjects with ledger rows: the projection against the replay of their ledger. */
        PROJECTION,
        /** Projection rows of subjects without any ledger row. */
        ORPHANS
    }

    /**
     * @throws IllegalArgumentException if the ledger sequence is negative
     */
    public LedgerCursor {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(subjectAfter, "subjectAfter");
        if (ledgerSequence < 0) {
            throw new IllegalArgumentException("ledger sequence must not be negative");
        }
    }
}
