package dev.consentkit.core.spi;

import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The audit entries and the chain that links them. Writers {@link #add} pending entries inside their
 * own unit of work without reading anything global; the sequencer (under {@link #lockSequencer}) links
 * committed pending entries into the chain with {@link #link}. The chain is append-only: no record is
 * updated or deleted. Rows are handed out as stored ({@link StoredAuditRow}), unvalidated.
 */
public interface AuditStore {
    /**
     * Writes a pending entry.
     *
     * @param event the event
     * @param ledger the ledger row it records, if any
     * @param mac its entry MAC
     * @return the id the store gave it: positive, greater than every id given before
     * @throws IllegalStateException if the unit is read-only
     * @throws IllegalArgumentException if a value does not fit the store (a time finer than a microsecond)
     */
    long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac);

    /**
     * Writes several pending entries in the order given (the read audits of a batch). A store may
     * send them in one round trip; the default adds them one by one.
     *
     * @param entries the entries, in order
     * @return the ids the store gave them, in the same order, each greater than every id given before
     * @throws IllegalStateException if the unit is read-only
     * @throws IllegalArgumentException if a value does not fit the store
     */
    default long[] addAll(List<NewEntry> entries) {
        long[] ids = new long[entries.size()];
        for (int i = 0; i < ids.length; i++) {
            NewEntry e = entries.get(i);
            ids[i] = add(e.event(), e.ledger(), e.mac());
        }
        return ids;
    }

    /**
     * Reserves ids for entries this unit links into the chain at once, without writing them as pending
     * entries (the read audits of a batch, linked by the unit that writes them while it holds the
     * sequencer's lock): ids from the series {@link #add} draws from, so no entry ever gets one of them.
     * A store that cannot returns empty (the default); the caller then writes the entries with
     * {@link #addAll} and links them with {@link #link}.
     *
     * @param n how many, positive
     * @return growing ids, or empty
     */
    default Optional<long[]> reserveIds(int n) {
        return Optional.empty();
    }

    /**
     * Appends linked records of entries whose ids came from {@link #reserveIds} (so nothing is pending
     * to remove), in the unit that holds the sequencer's lock.
     *
     * @param linked the records, in sequence order, the first following the head
     * @throws dev.consentkit.core.ConcurrentUpdateException if a sequence is taken
     * @throws UnsupportedOperationException if the store does not reserve ids
     */
    default void appendLinked(List<StoredAuditRow> linked) {
        throw new UnsupportedOperationException("this store does not reserve entry ids");
    }

    /**
     * An entry to write with {@link #addAll}.
     *
     * @param event the event
     * @param ledger the ledger row it records, if any
     * @param mac its entry MAC, 64 lower-case hex characters
     */
    record NewEntry(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
        /** Checks for nulls; the MAC is checked where the entry is made. */
        public NewEntry {
            java.util.Objects.requireNonNull(event, "event");
            java.util.Objects.requireNonNull(ledger, "ledger");
            java.util.Objects.requireNonNull(mac, "mac");
        }
    }

    /**
     * Takes the sequencer's lock for the rest of the unit (one sequencer at a time, across
     * processes sharing the store).
     *
     * @param wait whether to wait for another holder; without, returns false at once if it is held
     * @return whether the lock is held now
     */
    boolean lockSequencer(boolean wait);

    /** @return the linked record with the highest sequence, if any */
    Optional<StoredAuditRow> head();

    /**
     * @param limit at most this many, positive
     * @return committed pending entries, lowest id first
     */
    List<StoredAuditRow> pending(int limit);

    /**
     * Appends linked entries to the chain and removes them from the pending ones, in the same unit.
     *
     * @param linked pending entries with their sequence and links ({@link StoredAuditRow#linked}),
     *               in sequence order, the first following the head
     * @throws dev.consentkit.core.ConcurrentUpdateException if a sequence is taken
     */
    void link(List<StoredAuditRow> linked);

    /**
     * @param fromSequence first sequence wanted
     * @param limit at most this many, positive
     * @return linked records with sequence at least {@code fromSequence}, in sequence order
     */
    List<StoredAuditRow> read(long fromSequence, int limit);

    /**
     * @param entryIds entry ids
     * @return the linked records of those entries (pending ones are not returned), in sequence order
     */
    List<StoredAuditRow> entries(Collection<Long> entryIds);

    /**
     * The audit entries, linked or pending, that bind a ledger sequence in a range: raw reads for
     * verifying the ledger against the chain.
     *
     * @param fromLedgerSequence the lowest ledger sequence, inclusive
     * @param toLedgerSequence the highest, inclusive
     * @param limit at most this many, positive
     * @return the entries in ledger-sequence order
     */
    List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit);

    /**
     * Saves a mark: a checkpoint is kept with every earlier one; a verified point replaces the last one.
     *
     * @param mark a checkpoint or a verified point
     * @throws IllegalStateException if the unit is read-only
     * @throws IllegalArgumentException if it is a {@link AuditMark.LegacyLedger} (only a schema upgrade
     *         sets that)
     */
    void saveMark(AuditMark mark);

    /**
     * @return every stored checkpoint that is well-formed (oldest first), then the last verified point
     *         and the legacy ledger boundary, if the store has them
     */
    List<AuditMark> marks();
}
