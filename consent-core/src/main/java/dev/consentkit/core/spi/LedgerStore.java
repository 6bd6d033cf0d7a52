package dev.consentkit.core.spi;

import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The append-only consent ledger. There is no update and no delete here: erasure and retention go
 * through their own audited paths.
 *
 * <p>Reads hand out rows as stored ({@link StoredLedgerRow}), never validated: the core maps them to
 * entries ({@link StoredLedgerRow#toEntry()}) for a subject's history and for replay, and reads them raw
 * when it verifies the ledger against the audit chain ({@code AuditTrail.verifyLedger}), so a row an
 * attacker made invalid is still named. Subjects are named by their stored id (a string), paged in the
 * store's own order of subject ids ({@code after} is compared by the store). Pages keep memory bounded on
 * a ledger of millions of rows.
 */
public interface LedgerStore {
    /**
     * Appends an event.
     *
     * @param event the event
     * @return the entry with the sequence the store assigned (greater than every earlier one)
     * @throws IllegalStateException if the unit is read-only
     * @throws dev.consentkit.core.ConcurrentUpdateException if the event's idempotency key was stored
     *         concurrently by another unit of work
     */
    LedgerEntry append(ConsentEvent event);

    /**
     * @param key an idempotency key
     * @return the entry recorded with it, if any
     */
    Optional<LedgerEntry> findByIdempotencyKey(IdempotencyKey key);

    /**
     * @param afterSequence return rows with a higher sequence (0 for the start)
     * @param limit at most this many, positive
     * @return ledger rows in sequence order
     */
    List<StoredLedgerRow> rows(long afterSequence, int limit);

    /**
     * @param sequences ledger sequences
     * @return the rows that exist among them, in sequence order
     */
    List<StoredLedgerRow> rowsAt(Collection<Long> sequences);

    /**
     * @param subjects stored subject ids
     * @return their ledger rows, each subject's in sequence order
     */
    List<StoredLedgerRow> rowsOf(Collection<String> subjects);

    /**
     * @param after the subject to continue after, empty for the start
     * @param limit at most this many, positive
     * @return distinct subjects with ledger rows, in the store's order
     */
    List<String> subjects(Optional<String> after, int limit);
}
