package dev.consentkit.core.spi;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import java.util.List;
import java.util.Optional;

/**
 * The append-only consent ledger. There is no update and no delete here: erasure and retention
 * (later issues) go through their own audited paths.
 */
public interface LedgerStore {
    /**
     * Appends an event.
     *
     * @param event the event
     * @return the entry with the sequence the store assigned (greater than every earlier one)
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
     * @param subject a subject
     * @return every entry of that subject, lowest sequence first
     */
    List<LedgerEntry> history(SubjectId subject);

    /**
     * Reads the ledger in pages, for replay and export.
     *
     * @param afterSequence return entries with a higher sequence than this (0 for the start)
     * @param limit at most this many, positive
     * @return entries in sequence order
     */
    List<LedgerEntry> read(long afterSequence, int limit);
}
