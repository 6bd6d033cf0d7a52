package dev.consentkit.core.memory;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import dev.consentkit.core.spi.SubjectLock;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every store in memory: correct and thread-safe, for tests, demos and hosts that keep consent in
 * their own process only. It offers the consent ports and the protection ports itself, and each
 * feature's port through the feature's own in-memory store, attached when the feature is built on it
 * ({@link #attach}).
 *
 * <p>Units of work that write run one at a time, exclusive of readers; read-only units run in
 * parallel. A unit that throws is undone completely before the exception propagates. Nothing
 * survives the JVM.
 */
public final class InMemoryStorage implements ConsentStorage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<IdempotencyKey, LedgerEntry> byKey = new HashMap<>();
    private final Map<String, List<LedgerEntry>> bySubject = new HashMap<>();
    private final Map<SubjectPurpose, Map<ConsentScope, ConsentState>> projection = new HashMap<>();
    private final Map<SuppressionKey, SuppressionEntry> suppression = new LinkedHashMap<>();
    private final InMemoryAudit audit = new InMemoryAudit();
    private final InMemoryKeys keys = new InMemoryKeys();
    private final MemoryBlindIndexes blindIndexes = new MemoryBlindIndexes();
    private final Map<Class<?>, MemoryStore<?>> attached = new ConcurrentHashMap<>();

    private InMemoryStorage() {
    }

    /** @return a new, empty storage */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        lock.writeLock().lock();
        Tx tx = new Tx(true);
        try {
            T result = work.apply(tx);
            tx.close();
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        lock.readLock().lock();
        Tx tx = new Tx(false);
        try {
            return work.apply(tx);
        } finally {
            tx.close();
            lock.readLock().unlock();
        }
    }

    /**
     * Attaches a feature's own in-memory store, unless one is attached for that port already (the
     * features attach theirs when they are built on this storage).
     *
     * @param port the port the store serves, e.g. {@code RequestStore.class}
     * @param store the store
     * @param <P> the port
     * @return this storage
     */
    public <P> InMemoryStorage attach(Class<P> port, MemoryStore<? extends P> store) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(store, "store");
        attached.putIfAbsent(port, store);
        return this;
    }

    @Override
    public String toString() {
        return "InMemoryStorage";
    }

    private record SubjectPurpose(SubjectId subject, PurposeId purpose) {
    }

    private record SuppressionKey(KeyedHash hash, Optional<PurposeId> purpose) {
    }

    /** One unit of work: its repositories and its undo log. */
    private final class Tx implements StorageTransaction {
        private final boolean writable;
        // Stores and the undo log are made on first use: a check reads one store and writes nothing,
        // and it runs far more often than anything else.
        private Deque<Runnable> undo;
        private boolean open = true;
        private Ledger ledgerStore;
        private Projection projectionStore;
        private Suppression suppressionStore;
        private AuditStore auditStore;
        private InMemoryIntegrity integrity;
        private KeyStore keyStore;

        Tx(boolean writable) {
            this.writable = writable;
        }

        void close() {
            open = false;
        }

        private Deque<Runnable> undo() {
            if (undo == null) {
                undo = new ArrayDeque<>();
            }
            return undo;
        }

        void rollback() {
            while (undo != null && !undo.isEmpty()) {
                undo.pop().run();
            }
            open = false;
        }

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("the unit of work has ended");
            }
        }

        private void checkWritable() {
            checkOpen();
            if (!writable) {
                throw new IllegalStateException("read-only unit of work");
            }
        }

        @Override
        public LedgerStore ledger() {
            if (ledgerStore == null) {
                ledgerStore = new Ledger();
            }
            return ledgerStore;
        }

        @Override
        public ProjectionStore projection() {
            if (projectionStore == null) {
                projectionStore = new Projection();
            }
            return projectionStore;
        }

        @Override
        public SuppressionStore suppression() {
            if (suppressionStore == null) {
                suppressionStore = new Suppression();
            }
            return suppressionStore;
        }

        @Override
        public AuditStore audit() {
            if (auditStore == null) {
                auditStore = audit.view(this::checkOpen, this::checkWritable, r -> undo().push(r));
            }
            return auditStore;
        }

        private InMemoryIntegrity raw() {
            if (integrity == null) {
                integrity = new InMemoryIntegrity(this::checkOpen, () -> ledger, () -> {
                    List<ConsentState> all = new ArrayList<>();
                    projection.values().forEach(states -> all.addAll(states.values()));
                    return all;
                });
            }
            return integrity;
        }

        private KeyStore keys() {
            if (keyStore == null) {
                keyStore = keys.view(this::checkOpen, this::checkWritable, u -> undo().push(u));
            }
            return keyStore;
        }

        private BlindIndexStore blindIndexes() {
            return blindIndexes.unit(this::checkOpen, this::checkWritable, step -> undo().push(step));
        }

        private final Map<Class<?>, Object> ports = new HashMap<>();
        private final MemoryUnit unit = new MemoryUnit() {
            @Override
            public void checkOpen() {
                Tx.this.checkOpen();
            }

            @Override
            public void checkWritable() {
                Tx.this.checkWritable();
            }

            @Override
            public void onUndo(Runnable step) {
                undo().push(Objects.requireNonNull(step, "step"));
            }
        };

        @Override
        public <P> Optional<P> port(Class<P> type) {
            Objects.requireNonNull(type, "type");
            if (type == KeyStore.class) {
                return Optional.of(type.cast(keys()));
            }
            if (type == BlindIndexStore.class) {
                return Optional.of(type.cast(blindIndexes()));
            }
            MemoryStore<?> store = attached.get(type);
            if (store == null) {
                return Optional.empty();
            }
            return Optional.of(type.cast(ports.computeIfAbsent(type, t -> store.view(unit))));
        }

        private final class Ledger implements LedgerStore {
            @Override
            public LedgerEntry append(ConsentEvent event) {
                checkWritable();
                Objects.requireNonNull(event, "event");
                if (event.idempotencyKey().isPresent() && byKey.containsKey(event.idempotencyKey().get())) {
                    throw new dev.consentkit.core.ConcurrentUpdateException(
                            "idempotency key already recorded in the ledger", null);
                }
                LedgerEntry entry = new LedgerEntry(ledger.size() + 1L, event);
                ledger.add(entry);
                List<LedgerEntry> subjectEntries = bySubject.computeIfAbsent(event.scope().subject().value(), s -> new ArrayList<>());
                subjectEntries.add(entry);
                event.idempotencyKey().ifPresent(k -> byKey.put(k, entry));
                undo().push(() -> {
                    ledger.remove(ledger.size() - 1);
                    subjectEntries.remove(subjectEntries.size() - 1);
                    if (subjectEntries.isEmpty()) {
                        bySubject.remove(event.scope().subject().value());
                    }
                    event.idempotencyKey().ifPresent(byKey::remove);
                });
                return entry;
            }

            @Override
            public Optional<LedgerEntry> findByIdempotencyKey(IdempotencyKey key) {
                checkOpen();
                return Optional.ofNullable(byKey.get(Objects.requireNonNull(key, "key")));
            }

            @Override
            public List<StoredLedgerRow> rows(long afterSequence, int limit) {
                return raw().rows(afterSequence, limit);
            }

            @Override
            public List<StoredLedgerRow> rowsAt(Collection<Long> sequences) {
                return raw().rowsAt(sequences);
            }

            @Override
            public List<StoredLedgerRow> rowsOf(Collection<String> subjects) {
                checkOpen();
                List<StoredLedgerRow> rows = new ArrayList<>();
                for (String subject : new LinkedHashSet<>(subjects)) {
                    bySubject.getOrDefault(Objects.requireNonNull(subject, "subject"), List.of()).forEach(e -> rows.add(StoredLedgerRow.of(e)));
                }
                return rows;
            }

            @Override
            public List<String> subjects(Optional<String> after, int limit) {
                return raw().subjects(after, limit);
            }
        }

        private final class Projection implements ProjectionStore {
            @Override
            public void lock(Collection<SubjectLock> locks) {
                // writers run one at a time already
                checkWritable();
                Objects.requireNonNull(locks, "locks");
            }

            @Override
            public Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose) {
                checkOpen();
                Map<SubjectId, List<ConsentState>> found = new HashMap<>();
                for (SubjectId s : subjects) {
                    Map<ConsentScope, ConsentState> states = projection.get(new SubjectPurpose(s, purpose));
                    if (states != null) {
                        found.put(s, List.copyOf(states.values()));
                    }
                }
                return found;
            }

            @Override
            public void put(ConsentState state) {
                checkWritable();
                ConsentScope scope = state.scope();
                SubjectPurpose key = new SubjectPurpose(scope.subject(), scope.purpose());
                Map<ConsentScope, ConsentState> states = projection.computeIfAbsent(key, k -> new HashMap<>());
                ConsentState before = states.put(scope, state);
                undo().push(() -> {
                    if (before == null) {
                        states.remove(scope);
                        if (states.isEmpty()) {
                            projection.remove(key);
                        }
                    } else {
                        states.put(scope, before);
                    }
                });
            }

            @Override
            public void forPurpose(PurposeId purpose, Consumer<ConsentState> sink) {
                checkOpen();
                projection.forEach((key, states) -> {
                    if (key.purpose().equals(purpose)) {
                        states.values().forEach(sink);
                    }
                });
            }

            @Override
            public List<StoredProjectionRow> rowsOf(Collection<String> subjects) {
                return raw().projectionRowsOf(subjects);
            }

            @Override
            public List<String> orphans(Optional<String> after, int limit) {
                return raw().orphans(after, limit);
            }
        }

        private final class Suppression implements SuppressionStore {
            @Override
            public boolean add(SuppressionEntry entry) {
                checkWritable();
                SuppressionKey key = new SuppressionKey(entry.hash(), entry.purpose());
                if (suppression.putIfAbsent(key, entry) != null) {
                    return false;
                }
                undo().push(() -> suppression.remove(key));
                return true;
            }

            @Override
            public Set<KeyedHash> suppressed(Collection<KeyedHash> hashes, PurposeId purpose) {
                checkOpen();
                Set<KeyedHash> found = new HashSet<>();
                for (KeyedHash h : hashes) {
                    if (suppression.containsKey(new SuppressionKey(h, Optional.empty()))
                            || suppression.containsKey(new SuppressionKey(h, Optional.of(purpose)))) {
                        found.add(h);
                    }
                }
                return found;
            }
        }

        private void checkLimit(int limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }

        /** End index of a page; in {@code long} because {@code from + limit} may pass {@code Integer.MAX_VALUE}. */
        private static int end(int from, int limit, int size) {
            return (int) Math.min(size, (long) from + limit);
        }
    }
}
