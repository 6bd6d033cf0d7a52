package dev.consentkit.jdbc.internal;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.register.BreachStore;
import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.rights.RequestStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SubjectLock;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The repositories of one unit of work on one connection. Not API. Not thread-safe. */
public final class JdbcUnit implements StorageTransaction {
    /** How many ids one bulk statement carries. */
    static final int SET_CHUNK = 10_000;
    private final Jdbc jdbc;
    private final Sql sql;
    private final boolean writable;
    private final boolean ownsTransaction;
    private final Ledger ledger = new Ledger();
    private final Projection projection = new Projection();
    private final Suppression suppression = new Suppression();
    private final Locks locks = new Locks();
    private AuditStore audit;
    private JdbcIntegrityStore integrity;
    private KeyStore keys;
    private BlindIndexStore blindIndexes;
    private AlertStore alerts;
    private JdbcRetentionStore retentionStore;
    private RequestStore requests;
    private BreachStore breaches;

    /**
     * @param jdbc the statement runner on the unit's connection
     * @param sql the statements
     * @param writable whether writes are allowed
     * @param ownsTransaction whether the unit commits by itself (false when it joined the host's)
     */
    public JdbcUnit(Jdbc jdbc, Sql sql, boolean writable, boolean ownsTransaction) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.writable = writable;
        this.ownsTransaction = ownsTransaction;
    }

    @Override
    public boolean ownsTransaction() {
        return ownsTransaction;
    }

    private JdbcIntegrityStore raw() {
        if (integrity == null) {
            integrity = new JdbcIntegrityStore(jdbc, sql);
        }
        return integrity;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public ProjectionStore projection() {
        return projection;
    }

    @Override
    public SuppressionStore suppression() {
        return suppression;
    }

    @Override
    public AuditStore audit() {
        if (audit == null) {
            audit = new JdbcAuditStore(jdbc, sql, this::checkWritable);
        }
        return audit;
    }

    private KeyStore keys() {
        if (keys == null) {
            keys = new JdbcKeyStore(jdbc, sql.prefix(), this::checkWritable);
        }
        return keys;
    }

    private BlindIndexStore blindIndexes() {
        if (blindIndexes == null) {
            blindIndexes = new JdbcBlindIndexStore(jdbc, sql.prefix(), writable);
        }
        return blindIndexes;
    }

    private AlertStore alerts() {
        if (alerts == null) {
            alerts = new JdbcAlertStore(jdbc, sql.prefix(), writable);
        }
        return alerts;
    }

    private dev.consentkit.core.retention.RetentionStore retention() {
        if (retentionStore == null) {
            retentionStore = new JdbcRetentionStore(jdbc, sql.prefix(), writable);
        }
        return retentionStore;
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        Objects.requireNonNull(type, "type");
        // every port of every feature: the schema holds their tables
        Object port = type == KeyStore.class ? keys()
                : type == BlindIndexStore.class ? blindIndexes()
                : type == AlertStore.class ? alerts()
                : type == dev.consentkit.core.retention.RetentionStore.class ? retention()
                : type == HoldStore.class ? holds()
                : type == RequestStore.class ? requests()
                : type == BreachStore.class ? breaches()
                : null;
        return Optional.ofNullable(port).map(type::cast);
    }

    /**
     * @return the unit's connection, for a host's statements that must commit with the unit; the unit
     *         sends what it deferred first and defers nothing afterwards, so their order holds
     */
    public java.sql.Connection connection() {
        return jdbc.connectionForHost();
    }

    /** @return the unit's statement runner (its lease sends or forgets what is deferred at the end) */
    public Jdbc jdbc() {
        return jdbc;
    }

    private HoldStore holds() {
        return new JdbcHoldStore(jdbc, sql.prefix(), writable);
    }

    private RequestStore requests() {
        if (requests == null) {
            requests = new JdbcRequestStore(jdbc, sql.prefix(), writable);
        }
        return requests;
    }

    private BreachStore breaches() {
        if (breaches == null) {
            breaches = new JdbcBreachStore(jdbc, sql.prefix(), this::checkWritable);
        }
        return breaches;
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    private final class Ledger implements LedgerStore {
        @Override
        public LedgerEntry append(ConsentEvent event) {
            checkWritable();
            Objects.requireNonNull(event, "event");
            long seq = jdbc.insertReturningKey(sql.ledgerInsert, "seq", ps -> Rows.bindEvent(ps, event),
                    "append to " + sql.prefix() + "ledger");
            LedgerEntry entry = new LedgerEntry(seq, event);
            locks.appended(entry);
            return entry;
        }

        @Override
        public Optional<LedgerEntry> findByIdempotencyKey(IdempotencyKey key) {
            Objects.requireNonNull(key, "key");
            return jdbc.queryOne(sql.ledgerByKey, ps -> ps.setString(1, key.value()), Rows::ledgerEntry,
                    "read " + sql.prefix() + "ledger by idempotency key");
        }

        @Override
        public List<StoredLedgerRow> rows(long afterSequence, int limit) {
            return raw().ledgerRows(afterSequence, limit);
        }

        @Override
        public List<StoredLedgerRow> rowsAt(Collection<Long> sequences) {
            return raw().ledgerRowsAt(sequences);
        }

        @Override
        public List<StoredLedgerRow> rowsOf(Collection<String> subjects) {
            return raw().ledgerRowsOf(subjects);
        }

        @Override
        public List<String> subjects(Optional<String> after, int limit) {
            return raw().ledgerSubjects(after, limit);
        }
    }

    /**
     * The projection. What a read of a locked subject and purpose found is remembered for the rest of
     * the unit (nobody else writes those rows while the lock is held), so a write after it is one
     * {@code UPDATE} or one {@code INSERT}, deferred to travel with the next statement where the
     * database allows, its row count checked all the same.
     */
    private final class Projection implements ProjectionStore {
        /** Per locked subject and purpose read in this unit: the channel and asset keys of its rows. */
        private final Map<SubjectLock, Set<String>> known = new HashMap<>();

        @Override
        public void lock(Collection<SubjectLock> wanted) {
            locks.lock(wanted);
        }

        /**
         * One subject: the single-subject statement, what a check reads on every call. Under this unit's
         * lock of the subject and purpose, what it found is remembered for {@link #put}.
         */
        private Map<SubjectId, List<ConsentState>> findOne(SubjectId subject, PurposeId purpose) {
            List<ConsentState> states = jdbc.query(sql.stateFind, ps -> {
                ps.setString(1, subject.value());
                ps.setString(2, purpose.value());
            }, Rows.states(subject, purpose), "read " + sql.prefix() + "projection");
            SubjectLock scope = SubjectLock.of(subject, purpose);
            if (writable && locks.held.contains(scope)) {
                Set<String> rows = new HashSet<>();
                for (ConsentState s : states) {
                    rows.add(rowKey(s));
                }
                known.put(scope, rows);
            }
            return states.isEmpty() ? Map.of() : Map.of(subject, states);
        }

        private static String rowKey(ConsentState s) {
            return s.scope().channel().map(c -> c.code()).orElse("") + "\u0000"
                    + s.scope().asset().map(a -> a.value()).orElse("");
        }

        @Override
        public Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose) {
            Objects.requireNonNull(purpose, "purpose");
            if (subjects.size() == 1) {
                return findOne(Objects.requireNonNull(subjects.iterator().next(), "subject"), purpose);
            }
            Set<String> distinct = new LinkedHashSet<>(Math.max(16, subjects.size() * 4 / 3 + 1));
            for (SubjectId subject : subjects) {
                distinct.add(subject.value());
            }
            List<String> ids = new ArrayList<>(distinct);
            Map<SubjectId, List<ConsentState>> found = new HashMap<>(Math.max(16, ids.size() * 4 / 3 + 1));
            for (int from = 0; from < ids.size(); from += SET_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SET_CHUNK));
                jdbc.stream(sql.stateFindAll, ps -> {
                    jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk);
                    ps.setString(2, purpose.value());
                }, Rows.states(null, purpose), s -> found.merge(s.scope().subject(), List.of(s), Projection::both),
                        "bulk read " + sql.prefix() + "projection");
            }
            return found;
        }

        /** Most subjects have one row for a purpose: a second one (a channel, an asset) makes a list. */
        private static List<ConsentState> both(List<ConsentState> earlier, List<ConsentState> next) {
            if (earlier instanceof ArrayList<ConsentState> grown) {
                grown.addAll(next);
                return grown;
            }
            List<ConsentState> all = new ArrayList<>(earlier.size() + next.size());
            all.addAll(earlier);
            all.addAll(next);
            return all;
        }

        @Override
        public void put(ConsentState state) {
            checkWritable();
            Objects.requireNonNull(state, "state");
            String what = "write " + sql.prefix() + "projection";
            Set<String> rows = known.get(SubjectLock.of(state.scope().subject(), state.scope().purpose()));
            if (rows != null) {
                // read under this unit's lock: the row is there or not, and stays so
                if (rows.add(rowKey(state))) {
                    jdbc.defer(sql.stateInsert, ps -> Rows.bindStateInsert(ps, state), what, 1);
                } else {
                    jdbc.defer(sql.stateUpdate, ps -> Rows.bindStateUpdate(ps, state), what, 1);
                }
                return;
            }
            if (jdbc.update(sql.stateUpdate, ps -> Rows.bindStateUpdate(ps, state), what) == 0) {
                jdbc.update(sql.stateInsert, ps -> Rows.bindStateInsert(ps, state), what);
            }
        }

        @Override
        public void forPurpose(PurposeId purpose, Consumer<ConsentState> sink) {
            jdbc.stream(sql.stateByPurpose, ps -> ps.setString(1, purpose.value()), Rows.states(null, purpose), sink,
                    "scan " + sql.prefix() + "projection by purpose");
        }

        @Override
        public List<StoredProjectionRow> rowsOf(Collection<String> subjects) {
            return raw().projectionRowsOf(subjects);
        }

        @Override
        public List<String> orphans(Optional<String> after, int limit) {
            return raw().projectionOrphans(after, limit);
        }
    }

    private final class Suppression implements SuppressionStore {
        @Override
        public boolean add(SuppressionEntry entry) {
            checkWritable();
            String purpose = entry.purpose().map(PurposeId::value).orElse("");
            String what = "write " + sql.prefix() + "suppression";
            boolean exists = jdbc.queryOne(sql.suppressionExists, ps -> {
                ps.setString(1, entry.hash().value());
                ps.setString(2, purpose);
            }, rs -> Boolean.TRUE, what).isPresent();
            if (exists) {
                return false;
            }
            jdbc.update(sql.suppressionInsert, ps -> {
                ps.setString(1, entry.hash().value());
                ps.setString(2, purpose);
                ps.setLong(3, Rows.micros(entry.since(), "since"));
            }, what);
            return true;
        }

        @Override
        public Set<KeyedHash> suppressed(Collection<KeyedHash> hashes, PurposeId purpose) {
            List<String> values = hashes.stream().map(KeyedHash::value).distinct().toList();
            Set<KeyedHash> found = new HashSet<>();
            for (int from = 0; from < values.size(); from += SET_CHUNK) {
                List<String> chunk = values.subList(from, Math.min(values.size(), from + SET_CHUNK));
                jdbc.stream(sql.suppressionMatch, ps -> {
                    jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk);
                    ps.setString(2, purpose.value());
                }, rs -> new KeyedHash(rs.getString(1)), found::add, "read " + sql.prefix() + "suppression");
            }
            return found;
        }

    }

    /**
     * Row locks in {@code <prefix>scope_lock}, each taken by an upsert that leaves the row locked until
     * the transaction ends; a lock this unit holds already is not taken again.
     */
    private final class Locks {
        private final Set<SubjectLock> held = new HashSet<>();

        void lock(Collection<SubjectLock> wanted) {
            checkWritable();
            List<SubjectLock> sorted = wanted.size() == 1 ? List.copyOf(wanted)
                    : new ArrayList<>(new java.util.TreeSet<>(wanted));
            String what = "lock a row of " + sql.prefix() + "scope_lock";
            for (SubjectLock l : sorted) {
                if (held.contains(l)) {
                    continue;
                }
                Jdbc.Binder key = ps -> {
                    ps.setString(1, l.subject().value());
                    ps.setString(2, l.area());
                };
                boolean checkSnapshot = jdbc.dialect().snapshotMayPredateLock() && !l.area().startsWith("~");
                if (jdbc.pipelines() && !checkSnapshot) {
                    // PostgreSQL's upsert waits for the row: it travels with the next statement, which runs after it
                    jdbc.defer(sql.lockRow, key, what, -1);
                    held.add(l);
                    continue;
                }
                int changed = jdbc.updateAgainOnDuplicate(sql.lockRow, key, what);
                held.add(l);
                // MariaDB: 1 when the upsert inserted the row (no writer had it: last_seq 0, nothing to check)
                if (checkSnapshot && changed != 1) {
                    refuseAStaleSnapshot(l);
                }
            }
        }

        /**
         * The latest event of the locked purpose, as the lock row (read with the lock) says, must be
         * visible to this transaction's plain reads; if its snapshot is older, its reads of the
         * projection would be stale and its write would fork the state.
         */
        private void refuseAStaleSnapshot(SubjectLock l) {
            String what = "check the snapshot against " + sql.prefix() + "scope_lock";
            long locked = jdbc.queryOne(sql.lockLastSeq, ps -> {
                ps.setString(1, l.subject().value());
                ps.setString(2, l.area());
            }, rs -> rs.getLong(1), what).orElse(0L);
            long seen = jdbc.queryOne(sql.ledgerLastSeq, ps -> {
                ps.setString(1, l.subject().value());
                ps.setString(2, l.area());
            }, rs -> rs.getLong(1), what).orElse(0L);
            if (locked > seen) {
                throw new ConcurrentUpdateException("lock " + sql.prefix() + "scope_lock: this transaction's snapshot"
                        + " predates the commit of the previous writer of the same subject and purpose (REPEATABLE READ);"
                        + " retry the transaction", null);
            }
        }

        /** Records the sequence of an event on its purpose's lock row, for the check above. */
        void appended(LedgerEntry entry) {
            if (!jdbc.dialect().snapshotMayPredateLock()) {
                return;
            }
            jdbc.update(sql.lockLastSeqUpdate, ps -> {
                ps.setLong(1, entry.sequence());
                ps.setString(2, entry.event().scope().subject().value());
                ps.setString(3, entry.event().scope().purpose().value());
            }, "write " + sql.prefix() + "scope_lock");
        }
    }
}
