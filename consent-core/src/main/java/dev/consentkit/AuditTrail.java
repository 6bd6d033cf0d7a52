package dev.consentkit;

import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditListener;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.audit.LedgerCursor;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHasher;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.internal.Micros;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.StoredLedgerRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit trail of a kit: write entries, order them into the chain, verify the chain and what it
 * proves, checkpoint its head, read its records.
 *
 * <p>Writers {@link #append} entries inside their own unit of work (the kit's transaction or the
 * host's) without reading anything global; the sequencer ({@link #sequence()}) links committed
 * entries into the hash chain afterwards, in short transactions of its own. It runs by itself right
 * after the kit commits a unit of its own that wrote entries (skipping if another thread or instance
 * is sequencing), and fully before {@link #verify()}, {@link #verifyLedger()}, {@link #checkpoint()}
 * and {@link #records}. Entries written in a transaction of the host wait for the next run: an
 * application whose writes all join host transactions calls {@link #sequence()} after its commits or
 * on a schedule. Reads of protected values are audited with {@link #recordRead}: written behind by a
 * flusher thread of the kit (the default), or committed before it returns — see {@link ReadAuditMode}
 * for what each means after a crash. Everything that sequences writes the queued read audits first.
 *
 * <p>Thread-safe. One per kit: {@link #of(ConsentKit)}; {@code ConsentKit.close()} closes it.
 */
public final class AuditTrail {
    /** Pending entries linked per sequencer transaction. */
    static final int SEQUENCER_BATCH = 500;
    private static final int PAGE = 1_000;
    private static final int ATTEMPTS = 20;
    private final ConsentStorage storage;
    private final AuditChain chain;
    private final Clock clock;
    private final List<AuditListener> listeners;
    private final LedgerVerifier ledger;
    private final ReadAuditMode readMode;
    private final ReadAudits reads;
    private final Map<StorageTransaction, List<AuditEntry>> open = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ConsentStorage tracked;

    /**
     * @param kit a kit
     * @return the kit's audit trail
     * @throws NullPointerException if {@code kit} is null
     */
    public static AuditTrail of(ConsentKit kit) {
        return Objects.requireNonNull(kit, "kit").auditTrail();
    }

    /**
     * Made by the kit.
     *
     * @param storage the kit's storage as configured (the trail's own units run on it)
     * @param chain the chain under the kit's audit key
     * @param clock the kit's clock
     * @param subjects the kit's hasher, for the subject references verification names
     * @param listeners who hears the entries of each unit of work of {@link #storage()}
     * @param readAudits how {@link #recordRead} writes ({@link ReadAuditMode#writeBehind()} or
     *                   {@link ReadAuditMode#synchronous()})
     */
    AuditTrail(ConsentStorage storage, AuditChain chain, Clock clock, KeyedHasher subjects,
               List<AuditListener> listeners, ReadAuditMode readAudits) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.ledger = new LedgerVerifier(storage, chain, Objects.requireNonNull(subjects, "subjects"));
        this.readMode = Objects.requireNonNull(readAudits, "readAudits");
        this.reads = ReadAudits.of(readAudits, this::writeReads, this::tell);
        this.tracked = new TrackedStorage();
    }

    /**
     * The storage as the kit's services use it: units of work run on it have their entries heard by the
     * audit listeners once the unit ended, and, when the unit committed a transaction of its own,
     * sequenced right after. The kit's context hands it to features.
     *
     * @return the storage
     */
    ConsentStorage storage() {
        return tracked;
    }

    /**
     * @param storage a storage, possibly a kit's view of one ({@link #storage()})
     * @return the storage the view runs on, or {@code storage} itself if it is no kit's view
     */
    static ConsentStorage underlying(ConsentStorage storage) {
        return storage instanceof TrackedStorage view ? view.underlying() : storage;
    }

    /**
     * Writes an event as a pending entry inside a unit of work that changes something else, so the
     * change and its audit entry commit together (for modules built on the kit, such as field
     * encryption). It takes its place in the chain when the sequencer runs after the commit.
     *
     * @param tx the unit of work
     * @param event the event; it names the subject only by its keyed reference
     * @return the entry
     * @throws IllegalArgumentException if the event time has sub-microsecond precision
     */
    AuditEntry append(StorageTransaction tx, AuditEvent event) {
        return write(tx, event, Optional.empty());
    }

    /**
     * Writes the entry of a ledger event, binding the digest of the exact ledger row it records.
     *
     * @param tx the unit of work that appended the entry
     * @param event the audit event
     * @param recorded the ledger entry as appended (with its sequence)
     * @return the entry
     */
    AuditEntry append(StorageTransaction tx, AuditEvent event, LedgerEntry recorded) {
        Objects.requireNonNull(recorded, "recorded");
        LedgerBinding binding = new LedgerBinding(recorded.sequence(), chain.ledgerDigest(StoredLedgerRow.of(recorded)));
        return write(tx, event, Optional.of(binding));
    }

    private AuditEntry write(StorageTransaction tx, AuditEvent event, Optional<LedgerBinding> binding) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(event, "event");
        String mac = chain.entryMac(event, binding);
        AuditEntry entry = new AuditEntry(tx.audit().add(event, binding, mac), event, binding, mac);
        List<AuditEntry> unit = open.get(tx);
        if (unit != null) {
            unit.add(entry);
        }
        return entry;
    }

    /**
     * Records a read of protected data (a field opened, or refused), in a transaction of the kit's own —
     * never the host's, so it works inside a read-only host transaction, and a host that rolls back
     * afterwards does not erase it. The entry is MACed here; when it is committed depends on the kit's
     * {@link ReadAuditMode} ({@link #readAuditMode()}):
     *
     * <ul>
     *   <li>write-behind (the default): queued, and this returns at once; the kit's flusher thread
     *       commits it within the mode's {@code maxDelay} (100 ms by default), in a batch with other
     *       reads, and then links it into the chain. <b>A crash before that loses it</b>: at most the
     *       mode's {@code capacity} entries (10 000 by default), in normal operation the reads of the
     *       last {@code maxDelay} and of the batch being written. If the queue is full, this call writes
     *       the oldest batch itself before it returns (and throws if that fails);</li>
     *   <li>synchronous: committed before this returns, so the caller hands out the value only once its
     *       record is durable. Concurrent reads share one commit.</li>
     * </ul>
     *
     * <p>Either way at most one pool connection per kit is in use for read audits at a time.
     * {@link #flushReads()}, {@link #sequence()} and every method that sequences first write the queue.
     *
     * @param event the event of the read
     * @throws IllegalArgumentException if the event time has sub-microsecond precision
     * @throws dev.consentkit.core.StorageException if the entry had to be written here (synchronous mode,
     *         a full queue, a closed kit) and could not be: do not return the data
     */
    void recordRead(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        Micros.of(event.time(), "audit time");
        reads.record(new AuditStore.NewEntry(event, Optional.empty(), chain.entryMac(event, Optional.empty())));
    }

    /** @param listener one more listener of every later unit of work (a feature's, added at start-up) */
    void addListener(AuditListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return how {@link #recordRead} writes, as the kit was built */
    public ReadAuditMode readAuditMode() {
        return readMode;
    }

    /**
     * Writes every read audit queued before this call (write-behind mode) and returns once they are
     * committed; they are linked into the chain by the next {@link #sequence()}. In synchronous mode
     * nothing is queued. Called from an audit listener while its batch is being written, it returns at
     * once.
     *
     * @throws dev.consentkit.core.StorageException if a batch could not be written; its entries stay queued
     */
    public void flushReads() {
        reads.flush();
    }

    /**
     * Writes the queued read audits, stops the flusher thread and links every pending entry; from then
     * on each {@link #recordRead} commits its entry before it returns. Called by
     * {@code ConsentKit.close()}; the trail stays usable. Closing again only writes and links what came
     * since.
     *
     * @throws dev.consentkit.core.StorageException if the queue could not be written (it stays queued) or
     *         the sequencer failed
     */
    public void close() {
        reads.close();
        sequence();
    }

    /** @return read audits queued or being written now (for tests of the bound) */
    int queuedReads() {
        return reads.queued();
    }

    /** @return whether the read-audit flusher thread runs now (for tests of close) */
    boolean readFlusherRunning() {
        return reads.flusherRunning();
    }

    /**
     * Writes a batch of read audits and links it into the chain in the same transaction: under the
     * sequencer's lock, the committed pending entries of other units first (so the chain still orders
     * commits), then the batch, whose rows are linked from memory rather than read back. One commit per
     * batch, and the sequencer's reading of pending rows is spared for the reads. Retried from the start
     * when another sequencer's commit raced it (a serialization failure under a strict isolation level).
     */
    private List<AuditEntry> writeReads(List<AuditStore.NewEntry> batch) {
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return storage.inOwnTransaction(tx -> writeAndLink(tx, batch));
            } catch (ConcurrentUpdateException e) {
                last = e;
            }
        }
        throw last;
    }

    private List<AuditEntry> writeAndLink(StorageTransaction tx, List<AuditStore.NewEntry> batch) {
        AuditStore audit = tx.audit();
        audit.lockSequencer(true);
        Optional<StoredAuditRow> head = audit.head();
        while (true) {
            List<StoredAuditRow> pending = audit.pending(SEQUENCER_BATCH);
            if (pending.isEmpty()) {
                break;
            }
            List<StoredAuditRow> linked = chain.link(head, pending);
            audit.link(linked);
            head = Optional.of(linked.get(linked.size() - 1));
            if (pending.size() < SEQUENCER_BATCH) {
                break;
            }
        }
        // ids reserved where the store can (nothing pending to write and remove), else written as pending
        Optional<long[]> reserved = audit.reserveIds(batch.size());
        long[] ids = reserved.isPresent() ? reserved.get() : audit.addAll(batch);
        if (ids.length != batch.size()) {
            throw new dev.consentkit.core.StorageException("the store returned " + ids.length + " ids for "
                    + batch.size() + " read audits", null);
        }
        List<StoredAuditRow> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            AuditStore.NewEntry e = batch.get(i);
            rows.add(StoredAuditRow.pending(ids[i], e.event(), e.ledger(), e.mac()));
        }
        for (int from = 0; from < rows.size(); from += SEQUENCER_BATCH) {
            List<StoredAuditRow> linked = chain.link(head, rows.subList(from, Math.min(rows.size(), from + SEQUENCER_BATCH)));
            if (reserved.isPresent()) {
                audit.appendLinked(linked);
            } else {
                audit.link(linked);
            }
            head = Optional.of(linked.get(linked.size() - 1));
        }
        if (listeners.isEmpty()) {
            return List.of(); // nobody hears them: spare making the entries
        }
        List<AuditEntry> entries = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            AuditStore.NewEntry e = batch.get(i);
            entries.add(new AuditEntry(ids[i], e.event(), e.ledger(), e.mac()));
        }
        return entries;
    }

    /**
     * Writes the queued read audits ({@link #flushReads()}), then links every committed pending entry
     * into the chain, in transactions of its own of up to 500 entries each, waiting for another
     * sequencer (another thread or instance) if one is running.
     *
     * @return how many entries it linked
     * @throws dev.consentkit.core.StorageException if the store fails
     */
    public long sequence() {
        reads.flush();
        long linked = 0;
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                int n;
                do {
                    n = sequenceBatch(true);
                    linked += Math.max(0, n);
                } while (n == SEQUENCER_BATCH);
                return linked;
            } catch (ConcurrentUpdateException e) {
                // a serializable snapshot of the host's isolation level saw an older head: start again
                last = e;
            }
        }
        throw last;
    }

    /** Runs the sequencer once unless another holds its lock; never throws (the caller's unit committed). */
    private void sequenceQuietly() {
        try {
            int n;
            do {
                n = sequenceBatch(false);
            } while (n == SEQUENCER_BATCH);
        } catch (RuntimeException e) {
            AuditHooks.sequencingFailed(e);
        }
    }

    /** @return entries linked, or -1 when another sequencer held the lock and {@code wait} was false */
    private int sequenceBatch(boolean wait) {
        return storage.inOwnTransaction(tx -> {
            if (!tx.audit().lockSequencer(wait)) {
                return -1;
            }
            List<StoredAuditRow> pending = tx.audit().pending(SEQUENCER_BATCH);
            if (pending.isEmpty()) {
                return 0;
            }
            tx.audit().link(chain.link(tx.audit().head(), pending));
            return pending.size();
        });
    }

    /**
     * Sequences, then verifies every link and every stored checkpoint.
     *
     * @return intact, or the first broken link; never throws on what it reads
     * @throws dev.consentkit.core.StorageException if the store fails
     */
    public AuditVerification verify() {
        sequence();
        return storage.read(tx -> chain.verify(tx.audit(), List.of()));
    }

    /**
     * Sequences, then verifies every link, every stored checkpoint and {@code trusted}, a checkpoint
     * the host kept elsewhere. Only a checkpoint kept outside the database reveals a cut of the chain's
     * tail: rows deleted from the end, with the stored checkpoints after them, leave a shorter chain
     * that verifies.
     *
     * @param trusted a checkpoint from outside the store
     * @return intact, or the first broken link ({@code TRUNCATED} when the chain ends before it)
     */
    public AuditVerification verify(AuditCheckpoint trusted) {
        Objects.requireNonNull(trusted, "trusted");
        sequence();
        return storage.read(tx -> chain.verify(tx.audit(), List.of(trusted)));
    }

    /**
     * Sequences, then records the current head as a checkpoint (in a transaction of the kit's own) and
     * returns it, for the host to keep a copy outside the database: only such a copy reveals a cut of
     * the chain's tail ({@link #verify(AuditCheckpoint)}).
     *
     * @return the checkpoint
     * @throws IllegalStateException if the chain is empty
     */
    public AuditCheckpoint checkpoint() {
        sequence();
        return storage.inOwnTransaction(tx -> {
            StoredAuditRow head = tx.audit().head()
                    .orElseThrow(() -> new IllegalStateException("the audit chain is empty: nothing to checkpoint"));
            AuditCheckpoint c = new AuditCheckpoint(head.sequence(), head.link(), now());
            tx.audit().saveMark(new AuditMark.Checkpoint(c));
            return c;
        });
    }

    /**
     * Sequences, then reads records. A stored row that cannot be read comes back as a record with the
     * action {@link dev.consentkit.core.audit.AuditAction#UNREADABLE}; {@link #verify()} says what is wrong with it.
     *
     * @param fromSequence first sequence wanted, from 1
     * @param limit at most this many, 1 to 10 000
     * @return the records
     * @throws IllegalArgumentException if the limit is out of range
     */
    public List<AuditRecord> records(long fromSequence, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000");
        }
        sequence();
        return storage.read(tx -> tx.audit().read(fromSequence, limit)).stream().map(AuditChain::parse).toList();
    }

    /**
     * Sequences, then reads the records of entries by the ids they were written with (an act entry's,
     * an alert's).
     *
     * @param entryIds entry ids
     * @return the records of those that are in the chain, in sequence order
     */
    public List<AuditRecord> recordsOf(Collection<Long> entryIds) {
        Objects.requireNonNull(entryIds, "entryIds");
        if (entryIds.isEmpty()) {
            return List.of();
        }
        sequence();
        return storage.read(tx -> tx.audit().entries(List.copyOf(entryIds))).stream().map(AuditChain::parse).toList();
    }

    /**
     * Sequences, then verifies the whole ledger against the audit entries that bind it and the whole
     * projection against the replay of the ledger, page by page with bounded memory (usable on millions
     * of rows). Findings name ledger sequences and subject references, never a subject id.
     *
     * @return what it found
     * @throws dev.consentkit.core.StorageException if the store fails
     */
    public LedgerVerification verifyLedger() {
        sequence();
        return ledger.run(LedgerCursor.START, Long.MAX_VALUE);
    }

    /**
     * A resumable part of {@link #verifyLedger()}: continues at {@code from} for at most {@code pages}
     * pages (of 1 000 ledger rows or 200 subjects) and says where to continue.
     *
     * @param from where to continue ({@link LedgerCursor#START} to begin)
     * @param pages at most this many pages, positive
     * @return what it found, and {@link LedgerVerification#next()} unless it reached the end
     * @throws IllegalArgumentException if {@code pages} is not positive
     */
    public LedgerVerification verifyLedger(LedgerCursor from, int pages) {
        Objects.requireNonNull(from, "from");
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be positive");
        }
        sequence();
        return ledger.run(from, pages);
    }

    /**
     * The incremental verification the standard compliance check runs: from the last verified point
     * (kept in the store with a MAC, so a point moved forward is found), it verifies the chain after the
     * point, the ledger rows its new records bind, every ledger row written since (each must be bound),
     * the projection of every subject those touch, and the next 1 000 subjects of a projection sweep
     * that wraps around. A run that finds nothing moves the point. Not covered until the full
     * {@link #verifyLedger()}: an edit or deletion of a ledger row bound before the point, a row inserted
     * below the point's highest ledger sequence, a projection edit of a subject not touched since and
     * not yet reached by the sweep.
     *
     * @return what it found
     */
    public LedgerVerification verifyLedgerSinceLastPoint() {
        sequence();
        return ledger.sinceLastPoint(now(), point -> storage.inOwnTransaction(tx -> {
            tx.audit().saveMark(point);
            return null;
        }));
    }

    private void afterUnit(List<AuditEntry> entries, boolean owned) {
        if (entries.isEmpty()) {
            return;
        }
        if (owned) {
            sequenceQuietly();
        }
        tell(entries);
    }

    private void tell(List<AuditEntry> entries) {
        if (!listeners.isEmpty()) {
            AuditHooks.tell(listeners, List.copyOf(entries));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "AuditTrail[" + storage + "]";
    }

    /** The storage the kit's services use: tracks each unit's entries and acts once it ended. */
    private final class TrackedStorage implements ConsentStorage {
        @Override
        public <T> T inTransaction(Function<StorageTransaction, T> work) {
            return run(work, false);
        }

        @Override
        public <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
            return run(work, true);
        }

        private <T> T run(Function<StorageTransaction, T> work, boolean own) {
            Objects.requireNonNull(work, "work");
            List<AuditEntry> entries = new ArrayList<>();
            boolean[] owned = {true};
            Function<StorageTransaction, T> tracking = tx -> {
                entries.clear(); // a store may run the work again after a conflict
                open.put(tx, entries);
                try {
                    T result = work.apply(tx);
                    owned[0] = tx.ownsTransaction();
                    return result;
                } finally {
                    open.remove(tx);
                }
            };
            T result = own ? storage.inOwnTransaction(tracking) : storage.inTransaction(tracking);
            afterUnit(entries, owned[0]);
            return result;
        }

        @Override
        public <T> T read(Function<StorageTransaction, T> work) {
            return storage.read(work);
        }

        ConsentStorage underlying() {
            return storage;
        }

        @Override
        public String toString() {
            return storage.toString();
        }
    }
}
