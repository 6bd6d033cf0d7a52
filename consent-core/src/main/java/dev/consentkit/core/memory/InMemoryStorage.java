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
import dev.consentkit.core.monitor.Acknowledgement;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.spi.AlertStore;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.BlindIndexStore;
import dev.consentkit.core.spi.BreachStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.HoldStore;
import dev.consentkit.core.spi.IntegrityStore;
import dev.consentkit.core.spi.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.RequestStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SubjectLocks;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every store in memory: correct and thread-safe, for tests, demos and hosts that keep consent in
 * their own process only.
 *
 * <p>Units of work that write run one at a time, exclusive of readers; read-only units run in
 * parallel. A unit that throws is undone completely before the exception propagates. Nothing
 * survives the JVM.
 */
public final class InMemoryStorage implements ConsentStorage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<IdempotencyKey, LedgerEntry> byKey = new HashMap<>();
    private final Map<SubjectId, List<LedgerEntry>> bySubject = new HashMap<>();
    private final Map<SubjectPurpose, Map<ConsentScope, ConsentState>> projection = new HashMap<>();
    private final Map<SuppressionKey, SuppressionEntry> suppression = new LinkedHashMap<>();
    private final InMemoryAudit audit = new InMemoryAudit();
    private final InMemoryKeys keys = new InMemoryKeys();
    private final MemoryBlindIndexes blindIndexes = new MemoryBlindIndexes();
    private final Map<UUID, MonitoringAlert> alerts = new LinkedHashMap<>();
    private final InMemoryRetention retention = new InMemoryRetention();
    private final MemoryHolds holds = new MemoryHolds();
    private final InMemoryRequests requests = new InMemoryRequests();
    private final InMemoryBreaches breaches = new InMemoryBreaches();

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
        private IntegrityStore integrityStore;
        private KeyStore keyStore;
        private Alerts alertStore;
        private dev.consentkit.core.spi.RetentionStore retentionStore;
        private RequestStore requestStore;
        private BreachStore breachStore;

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

        @Override
        public SubjectLocks locks() {
            return locks -> {
                // writers run one at a time already
                checkWritable();
                java.util.Objects.requireNonNull(locks, "locks");
            };
        }

        @Override
        public IntegrityStore integrity() {
            if (integrityStore == null) {
                integrityStore = new InMemoryIntegrity(this::checkOpen, () -> ledger, () -> {
                    List<ConsentState> all = new ArrayList<>();
                    projection.values().forEach(states -> all.addAll(states.values()));
                    return all;
                }, audit);
            }
            return integrityStore;
        }

        @Override
        public KeyStore keys() {
            if (keyStore == null) {
                keyStore = keys.view(this::checkOpen, this::checkWritable, u -> undo().push(u));
            }
            return keyStore;
        }

        @Override
        public BlindIndexStore blindIndexes() {
            return blindIndexes.unit(this::checkOpen, this::checkWritable, step -> undo().push(step));
        }

        @Override
        public AlertStore alerts() {
            if (alertStore == null) {
                alertStore = new Alerts();
            }
            return alertStore;
        }

        private final class Alerts implements AlertStore {
            @Override
            public void add(MonitoringAlert alert) {
                checkWritable();
                Objects.requireNonNull(alert, "alert");
                if (alert.isAcknowledged()) {
                    throw new IllegalArgumentException("a new alert is not acknowledged yet");
                }
                micros(alert.raisedAt(), "raisedAt");
                if (alerts.containsKey(alert.id())) {
                    throw new ConcurrentUpdateException("monitoring alert " + alert.id() + " is already stored", null);
                }
                alerts.put(alert.id(), alert);
                undo().push(() -> alerts.remove(alert.id()));
            }

            @Override
            public Optional<MonitoringAlert> find(UUID id) {
                checkOpen();
                return Optional.ofNullable(alerts.get(Objects.requireNonNull(id, "id")));
            }

            @Override
            public boolean acknowledge(UUID id, Acknowledgement ack) {
                checkWritable();
                Objects.requireNonNull(id, "id");
                micros(Objects.requireNonNull(ack, "ack").at(), "acknowledgement time");
                MonitoringAlert stored = alerts.get(id);
                if (stored == null || stored.isAcknowledged()) {
                    return false;
                }
                alerts.put(id, stored.acknowledged(ack));
                undo().push(() -> alerts.put(id, stored));
                return true;
            }

            @Override
            public List<MonitoringAlert> unacknowledged(int limit) {
                checkOpen();
                checkLimit(limit);
                return alerts.values().stream().filter(a -> !a.isAcknowledged())
                        .sorted(java.util.Comparator.comparing(MonitoringAlert::raisedAt)
                                .thenComparing(a -> a.id().toString()))
                        .limit(limit).toList();
            }

            @Override
            public long countUnacknowledged() {
                checkOpen();
                return alerts.values().stream().filter(a -> !a.isAcknowledged()).count();
            }

            private void micros(java.time.Instant t, String what) {
                if (t.getNano() % 1_000 != 0) {
                    throw new IllegalArgumentException(what + " has sub-microsecond precision; stores keep microseconds");
                }
            }
        }

        @Override
        public dev.consentkit.core.spi.RetentionStore retention() {
            if (retentionStore == null) {
                retentionStore = retention.new Store(r -> undo().push(r), this::checkOpen, this::checkWritable);
            }
            return retentionStore;
        }

        @Override
        public HoldStore holds() {
            return holds.unit(this::checkOpen, this::checkWritable, step -> undo().push(step));
        }

        @Override
        public RequestStore requests() {
            if (requestStore == null) {
                requestStore = requests.view(this::checkOpen, this::checkWritable, u -> undo().push(u));
            }
            return requestStore;
        }

        @Override
        public BreachStore breaches() {
            if (breachStore == null) {
                breachStore = breaches.unit(this::checkOpen, this::checkWritable, u -> undo().push(u));
            }
            return breachStore;
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
                List<LedgerEntry> subjectEntries = bySubject.computeIfAbsent(event.scope().subject(), s -> new ArrayList<>());
                subjectEntries.add(entry);
                event.idempotencyKey().ifPresent(k -> byKey.put(k, entry));
                undo().push(() -> {
                    ledger.remove(ledger.size() - 1);
                    subjectEntries.remove(subjectEntries.size() - 1);
                    if (subjectEntries.isEmpty()) {
                        bySubject.remove(event.scope().subject());
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
            public List<LedgerEntry> history(SubjectId subject) {
                checkOpen();
                return List.copyOf(bySubject.getOrDefault(Objects.requireNonNull(subject, "subject"), List.of()));
            }

            @Override
            public List<LedgerEntry> read(long afterSequence, int limit) {
                checkOpen();
                checkLimit(limit);
                int from = (int) Math.min(Math.max(afterSequence, 0), ledger.size());
                return List.copyOf(ledger.subList(from, end(from, limit, ledger.size())));
            }

        }

        private final class Projection implements ProjectionStore {
            @Override
            public List<ConsentState> find(SubjectId subject, PurposeId purpose) {
                checkOpen();
                Map<ConsentScope, ConsentState> states = projection.get(new SubjectPurpose(subject, purpose));
                return states == null ? List.of() : List.copyOf(states.values());
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
            public void forEach(Consumer<ConsentState> sink) {
                checkOpen();
                projection.values().forEach(states -> states.values().forEach(sink));
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

            @Override
            public List<SuppressionEntry> list() {
                checkOpen();
                return List.copyOf(suppression.values());
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
