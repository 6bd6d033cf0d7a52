package dev.consentkit.core.spi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Raw reads for verifying the ledger and the projection against the audit chain
 * ({@code AuditTrail.verifyLedger}): rows as stored, never validated, in pages, so that a database of
 * millions of rows is walked with bounded memory. Subjects are named by their stored id (a string: a
 * stored id an attacker made invalid must still be named), paged in the store's own order of subject
 * ids ({@code after} is compared by the store). Read-only.
 */
public interface IntegrityStore {
    /**
     * @param afterSequence return rows with a higher sequence (0 for the start)
     * @param limit at most this many, positive
     * @return ledger rows in sequence order
     */
    List<StoredLedgerRow> ledgerRows(long afterSequence, int limit);

    /**
     * @param sequences ledger sequences
     * @return the rows that exist among them, in sequence order
     */
    List<StoredLedgerRow> ledgerRowsAt(Collection<Long> sequences);

    /**
     * @param after the subject to continue after, empty for the start
     * @param limit at most this many, positive
     * @return distinct subjects with ledger rows, in the store's order
     */
    List<String> ledgerSubjects(Optional<String> after, int limit);

    /**
     * @param subjects stored subject ids
     * @return their ledger rows, each subject's in sequence order
     */
    List<StoredLedgerRow> ledgerRowsOf(Collection<String> subjects);

    /**
     * @param subjects stored subject ids
     * @return their projection rows
     */
    List<StoredProjectionRow> projectionRowsOf(Collection<String> subjects);

    /**
     * @param after the subject to continue after, empty for the start
     * @param limit at most this many, positive
     * @return distinct subjects that have projection rows and no ledger row, in the store's order
     */
    List<String> projectionOrphans(Optional<String> after, int limit);

    /**
     * The audit entries, linked or pending, that bind a ledger sequence in a range.
     *
     * @param fromLedgerSequence the lowest ledger sequence, inclusive
     * @param toLedgerSequence the highest, inclusive
     * @param limit at most this many, positive
     * @return the entries in ledger-sequence order
     */
    List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit);

    /** @return the highest ledger sequence written before schema v4 (0 when none was) */
    long legacyLedgerUntil();
}
