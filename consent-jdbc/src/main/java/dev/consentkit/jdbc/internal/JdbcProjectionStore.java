package dev.consentkit.jdbc.internal;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StoredProjectionRow;
import dev.consentkit.core.spi.SubjectLock;
import dev.consentkit.jdbc.spi.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The projection ({@code <prefix>projection}) and the scope locks ({@code <prefix>scope_lock}): their
 * statements, and the projection's rows bound and read by column position (computed from
 * {@link #STATE_COLUMNS}). What a read of a locked subject and purpose found is remembered for the rest
 * of the unit (nobody else writes those rows while the lock is held), so a write after it is one
 * {@code UPDATE} or one {@code INSERT}, deferred to travel with the next statement where the database
 * allows, its row count checked all the same. A projection row of the subject or purpose a query asked
 * for reuses that id. Not API. Not thread-safe: one per unit of work.
 */
final class JdbcProjectionStore implements ProjectionStore {
    static final String STATE_COLUMNS = "subject_id, purpose_id, channel, asset_id, status, since_us, notice_id,"
            + " notice_version, notice_locale, notice_sha256, valid_until_us, seq, restricted, objected";

    private static final int S_SUBJECT = Rows.column(STATE_COLUMNS, "subject_id");
    private static final int S_STATUS = Rows.column(STATE_COLUMNS, "status");
    private static final int S_SINCE = Rows.column(STATE_COLUMNS, "since_us");
    private static final int S_NOTICE = Rows.column(STATE_COLUMNS, "notice_id");
    private static final int S_VALID_UNTIL = Rows.column(STATE_COLUMNS, "valid_until_us");
    private static final int S_SEQ = Rows.column(STATE_COLUMNS, "seq");
    private static final int S_RESTRICTED = Rows.column(STATE_COLUMNS, "restricted");
    private static final int S_OBJECTED = Rows.column(STATE_COLUMNS, "objected");
    private static final int S_PURPOSE = Rows.column(STATE_COLUMNS, "purpose_id");
    private static final int S_CHANNEL = Rows.column(STATE_COLUMNS, "channel");
    private static final int S_ASSET = Rows.column(STATE_COLUMNS, "asset_id");

    /** The projection's and the scope locks' statements, built once per storage. Immutable. */
    static final class Sql {
        private final String prefix;
        final String stateFind;
        final String stateFindAll;
        final String stateUpdate;
        final String stateInsert;
        final String stateByPurpose;
        final String stateRowsOf;
        final String orphansFirst;
        final String orphansAfter;
        final String lockRow;
        final String lockLastSeq;
        final String lockLastSeqUpdate;
        final String ledgerLastSeq;

        /**
         * @param prefix the validated table prefix
         * @param dialect the dialect, for its set condition or set table and its lock statement
         */
        Sql(String prefix, Dialect dialect) {
            this.prefix = prefix;
            String ledger = prefix + "ledger";
            String projection = prefix + "projection";
            String stateSelect = "SELECT " + STATE_COLUMNS + " FROM " + projection;
            stateFind = stateSelect + " WHERE subject_id = ? AND purpose_id = ?";
            // bulk reads bind the set first (parameter 1), then the purpose (2), in either form
            Optional<String> setTable = dialect.setTable("u");
            stateFindAll = setTable.isPresent()
                    ? "SELECT " + Tables.qualified("p", STATE_COLUMNS) + " FROM " + setTable.get() + " JOIN " + projection
                            + " p ON p.subject_id = u.v WHERE p.purpose_id = ?"
                    : stateSelect + " WHERE " + dialect.inSet("subject_id") + " AND purpose_id = ?";
            stateUpdate = "UPDATE " + projection + " SET status = ?, since_us = ?, notice_id = ?, notice_version = ?,"
                    + " notice_locale = ?, notice_sha256 = ?, valid_until_us = ?, seq = ?, restricted = ?, objected = ?"
                    + " WHERE subject_id = ? AND purpose_id = ? AND channel = ? AND asset_id = ?";
            stateInsert = "INSERT INTO " + projection + " (" + STATE_COLUMNS + ") VALUES (" + Tables.marks(14) + ")";
            stateByPurpose = stateSelect + " WHERE purpose_id = ? ORDER BY subject_id, channel, asset_id";
            stateRowsOf = stateSelect + " WHERE " + dialect.inSet("subject_id");
            String orphan = "SELECT DISTINCT p.subject_id FROM " + projection + " p WHERE ";
            String noLedger = "NOT EXISTS (SELECT 1 FROM " + ledger + " l WHERE l.subject_id = p.subject_id)"
                    + " ORDER BY p.subject_id LIMIT ?";
            orphansFirst = orphan + noLedger;
            orphansAfter = orphan + "p.subject_id > ? AND " + noLedger;
            lockRow = dialect.lockRow(prefix + "scope_lock");
            // a locking read by the whole primary key of a row that exists: a record lock, never a gap lock
            lockLastSeq = "SELECT last_seq FROM " + prefix + "scope_lock WHERE subject_id = ? AND area = ? FOR UPDATE";
            lockLastSeqUpdate = "UPDATE " + prefix + "scope_lock SET last_seq = ? WHERE subject_id = ? AND area = ?";
            ledgerLastSeq = "SELECT MAX(seq) FROM " + ledger + " WHERE subject_id = ? AND purpose_id = ?";
        }

        /** @return the table prefix */
        String prefix() {
            return prefix;
        }
    }

    private final Jdbc jdbc;
    private final Sql sql;
    private final boolean writable;
    private final Runnable checkWritable;
    private final Locks locks = new Locks();
    /** Per locked subject and purpose read in this unit: the channel and asset keys of its rows. */
    private final Map<SubjectLock, Set<String>> known = new HashMap<>();

    /**
     * @param jdbc the unit's statement runner
     * @param sql the statements
     * @param writable whether the unit may write (only a writing unit remembers what it read under its locks)
     * @param checkWritable refuses a write in a read-only unit
     */
    JdbcProjectionStore(Jdbc jdbc, Sql sql, boolean writable, Runnable checkWritable) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.writable = writable;
        this.checkWritable = checkWritable;
    }

    @Override
    public void lock(Collection<SubjectLock> wanted) {
        locks.lock(wanted);
    }

    /** Records the sequence of an appended event on its purpose's lock row, where the dialect needs it. */
    void appended(LedgerEntry entry) {
        locks.appended(entry);
    }

    /**
     * One subject: the single-subject statement, what a check reads on every call. Under this unit's
     * lock of the subject and purpose, what it found is remembered for {@link #put}.
     */
    private Map<SubjectId, List<ConsentState>> findOne(SubjectId subject, PurposeId purpose) {
        List<ConsentState> states = jdbc.query(sql.stateFind, ps -> {
            ps.setString(1, subject.value());
            ps.setString(2, purpose.value());
        }, states(subject, purpose), "read " + sql.prefix() + "projection");
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
        for (int from = 0; from < ids.size(); from += JdbcUnit.SET_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + JdbcUnit.SET_CHUNK));
            jdbc.stream(sql.stateFindAll, ps -> {
                jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk);
                ps.setString(2, purpose.value());
            }, states(null, purpose), s -> found.merge(s.scope().subject(), List.of(s), JdbcProjectionStore::both),
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
        checkWritable.run();
        Objects.requireNonNull(state, "state");
        String what = "write " + sql.prefix() + "projection";
        Set<String> rows = known.get(SubjectLock.of(state.scope().subject(), state.scope().purpose()));
        if (rows != null) {
            // read under this unit's lock: the row is there or not, and stays so
            if (rows.add(rowKey(state))) {
                jdbc.defer(sql.stateInsert, ps -> bindStateInsert(ps, state), what, 1);
            } else {
                jdbc.defer(sql.stateUpdate, ps -> bindStateUpdate(ps, state), what, 1);
            }
            return;
        }
        if (jdbc.update(sql.stateUpdate, ps -> bindStateUpdate(ps, state), what) == 0) {
            jdbc.update(sql.stateInsert, ps -> bindStateInsert(ps, state), what);
        }
    }

    @Override
    public void forPurpose(PurposeId purpose, Consumer<ConsentState> sink) {
        jdbc.stream(sql.stateByPurpose, ps -> ps.setString(1, purpose.value()), states(null, purpose), sink,
                "scan " + sql.prefix() + "projection by purpose");
    }

    @Override
    public List<StoredProjectionRow> rowsOf(Collection<String> subjects) {
        List<StoredProjectionRow> rows = new ArrayList<>();
        for (List<String> chunk : JdbcUnit.chunks(subjects)) {
            jdbc.stream(sql.stateRowsOf, ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk),
                    JdbcProjectionStore::storedState, rows::add, "read " + sql.prefix() + "projection by subjects");
        }
        return rows;
    }

    @Override
    public List<String> orphans(Optional<String> after, int limit) {
        JdbcUnit.checkLimit(limit);
        String what = "page subjects of " + sql.prefix() + "projection without ledger rows";
        return after.isPresent()
                ? jdbc.query(sql.orphansAfter, ps -> {
                    ps.setString(1, after.get());
                    ps.setInt(2, limit);
                }, rs -> rs.getString(1), what)
                : jdbc.query(sql.orphansFirst, ps -> ps.setInt(1, limit), rs -> rs.getString(1), what);
    }

    /**
     * Row locks in {@code <prefix>scope_lock}, each taken by an upsert that leaves the row locked until
     * the transaction ends; a lock this unit holds already is not taken again.
     */
    private final class Locks {
        private final Set<SubjectLock> held = new HashSet<>();

        void lock(Collection<SubjectLock> wanted) {
            checkWritable.run();
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
                    // the upsert waits for the row: it travels with the next statement, which runs after it
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

    /** Binds the SET part and the key of the projection UPDATE. */
    static void bindStateUpdate(PreparedStatement ps, ConsentState s) throws SQLException {
        int i = bindStateValues(ps, 1, s);
        Rows.bindScope(ps, i, s.scope());
    }

    static void bindStateInsert(PreparedStatement ps, ConsentState s) throws SQLException {
        int i = Rows.bindScope(ps, 1, s.scope());
        bindStateValues(ps, i, s);
    }

    private static int bindStateValues(PreparedStatement ps, int i, ConsentState s) throws SQLException {
        Rows.setNullable(ps, i++, s.status().map(Enum::name));
        ps.setLong(i++, Rows.micros(s.since(), "since"));
        i = Rows.bindNotice(ps, i, s.notice());
        Rows.setMicros(ps, i++, s.validUntil(), "validUntil");
        ps.setLong(i++, s.sequence());
        ps.setBoolean(i++, s.restricted());
        ps.setBoolean(i++, s.objected());
        return i;
    }

    /**
     * A reader of rows of {@link #STATE_COLUMNS} that reuses the ids a query asked for.
     *
     * @param subject the subject asked for, or null
     * @param purpose the purpose asked for, or null
     * @return the reader
     */
    static Jdbc.RowMapper<ConsentState> states(SubjectId subject, PurposeId purpose) {
        return rs -> state(rs, subject, purpose);
    }

    private static ConsentState state(ResultSet rs, SubjectId subject, PurposeId purpose) throws SQLException {
        String status = rs.getString(S_STATUS);
        return new ConsentState(Rows.scope(rs, S_SUBJECT, subject, purpose),
                status == null ? Optional.empty() : Optional.of(ConsentStatus.valueOf(status)),
                Rows.instant(rs.getLong(S_SINCE)), Rows.notice(rs, S_NOTICE), Rows.optionalInstant(rs, S_VALID_UNTIL),
                rs.getLong(S_SEQ), rs.getBoolean(S_RESTRICTED), rs.getBoolean(S_OBJECTED));
    }

    /** Reads a row of {@link #STATE_COLUMNS} as stored, never failing on its values. */
    static StoredProjectionRow storedState(ResultSet rs) throws SQLException {
        long validUntil = rs.getLong(S_VALID_UNTIL);
        OptionalLong until = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(validUntil);
        return new StoredProjectionRow(Rows.orEmpty(rs.getString(S_SUBJECT)), Rows.orEmpty(rs.getString(S_PURPOSE)),
                Rows.orEmpty(rs.getString(S_CHANNEL)), Rows.orEmpty(rs.getString(S_ASSET)), Rows.text(rs, S_STATUS),
                rs.getLong(S_SINCE), Rows.text(rs, S_NOTICE), Rows.text(rs, S_NOTICE + 1), Rows.text(rs, S_NOTICE + 2),
                Rows.text(rs, S_NOTICE + 3), until, rs.getLong(S_SEQ), rs.getBoolean(S_RESTRICTED),
                rs.getBoolean(S_OBJECTED));
    }
}
