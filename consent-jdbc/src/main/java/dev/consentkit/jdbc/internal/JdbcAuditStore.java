package dev.consentkit.jdbc.internal;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.spi.VerifiedPoint;
import dev.consentkit.jdbc.spi.Dialect;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The audit entries ({@code <prefix>audit_entry}, pending), the chain ({@code <prefix>audit},
 * append-only), its checkpoints, the sequencer's lock row and the last verified point. Writers insert
 * pending entries and read nothing global; the sequencer, under the lock, copies entries into the
 * chain and deletes the pending rows it moved. Rows are read as stored. Not API. Not thread-safe: one
 * per unit of work.
 *
 * <p>Its statements are in {@link Sql}; rows are bound and read by column position, computed from the
 * column lists below (so a list and its reader cannot drift apart). Where the dialect declares
 * {@code POSTGRESQL_ARRAY_BATCHES}, entries and linked records travel as one array per column.
 */
final class JdbcAuditStore implements AuditStore {
    private static final int IN_CHUNK = 500;
    /** The event columns an audit entry has wherever it is, pending or linked. */
    static final String ENTRY_EVENT_COLUMNS = "time_us, actor_kind, actor_id, action, subject_ref, purpose_id, outcome,"
            + " reference, ledger_seq, ledger_digest, entry_mac";
    /** A linked record of the chain, as the audit SELECTs list it (and as the sequencer inserts it). */
    static final String AUDIT_COLUMNS = "seq, entry_id, link_format, " + ENTRY_EVENT_COLUMNS + ", previous_link, link";
    /** A pending entry, as its SELECTs list it. */
    static final String ENTRY_COLUMNS = "id, " + ENTRY_EVENT_COLUMNS;
    static final String CHECKPOINT_COLUMNS = "seq, link, time_us";

    private static final int A_SEQ = Rows.column(AUDIT_COLUMNS, "seq");
    private static final int A_ENTRY = Rows.column(AUDIT_COLUMNS, "entry_id");
    private static final int A_FORMAT = Rows.column(AUDIT_COLUMNS, "link_format");
    private static final int A_TIME = Rows.column(AUDIT_COLUMNS, "time_us");
    private static final int A_PREVIOUS = Rows.column(AUDIT_COLUMNS, "previous_link");
    private static final int A_LINK = Rows.column(AUDIT_COLUMNS, "link");
    private static final int E_ID = Rows.column(ENTRY_COLUMNS, "id");
    private static final int E_TIME = Rows.column(ENTRY_COLUMNS, "time_us");
    private static final int C_SEQ = Rows.column(CHECKPOINT_COLUMNS, "seq");
    private static final int C_LINK = Rows.column(CHECKPOINT_COLUMNS, "link");
    private static final int C_TIME = Rows.column(CHECKPOINT_COLUMNS, "time_us");

    /**
     * The audit's statements, built once per storage from the validated table prefix. The chain has no
     * UPDATE and no DELETE here (pending entries are deleted once the sequencer moved them into the
     * chain). Immutable.
     */
    static final class Sql {
        /**
         * Row counts of the multi-row statements of the audit entries: n rows travel as chunks of these
         * sizes, largest first (so a handful of distinct statements, each prepared once per connection).
         */
        static final int[] ROWS = {500, 100, 20, 5, 1};
        private final String prefix;
        private final String auditSelect;
        final String auditHead;
        final String auditPage;
        final String entryInsert;
        final String entriesPending;
        final String sequencerLock;
        final String sequencerTryLock;
        final String sequencerTurn;
        final String legacyLedgerUntil;
        final String verifiedRead;
        final String verifiedUpdate;
        final String verifiedInsert;
        final String bindings;
        final String checkpointInsert;
        final String checkpointAll;
        /** By index into {@link #ROWS}: insert n pending entries returning their ids and MACs, if the dialect can. */
        private final String[] entryInsertsReturning = new String[ROWS.length];
        /** By index into {@link #ROWS}: insert n linked records; delete n pending entries by id. */
        private final String[] auditInserts = new String[ROWS.length];
        private final String[] entryDeletes = new String[ROWS.length];
        /**
         * With {@code POSTGRESQL_ARRAY_BATCHES} only (else null): the same writes with one array parameter
         * per column, whatever the number of rows ({@code unnest}), so each is one statement text, planned
         * once per connection.
         */
        final String entryInsertArrays;
        final String auditInsertArrays;
        final String entryDeleteArray;
        /** With {@code POSTGRESQL_ARRAY_BATCHES} only (else null): draws n ids from the sequence of {@code audit_entry.id}. */
        final String entryIdsReserve;

        /**
         * @param prefix the validated table prefix
         * @param dialect the dialect, for its multi-row insert returning ids and its capabilities
         */
        Sql(String prefix, Dialect dialect) {
            this.prefix = prefix;
            String audit = prefix + "audit";
            String checkpoint = prefix + "audit_checkpoint";
            auditSelect = "SELECT " + AUDIT_COLUMNS + " FROM " + audit;
            auditHead = auditSelect + " ORDER BY seq DESC LIMIT 1";
            auditPage = auditSelect + " WHERE seq >= ? ORDER BY seq LIMIT ?";
            String entry = prefix + "audit_entry";
            entryInsert = "INSERT INTO " + entry + " (" + ENTRY_EVENT_COLUMNS + ") VALUES (" + Tables.marks(11) + ")";
            entriesPending = "SELECT " + ENTRY_COLUMNS + " FROM " + entry + " ORDER BY id LIMIT ?";
            String sequencer = prefix + "audit_sequencer";
            sequencerLock = "SELECT id FROM " + sequencer + " WHERE id = 1 FOR UPDATE";
            sequencerTryLock = sequencerLock + " SKIP LOCKED";
            // the update makes a sequencer whose snapshot predates the last run fail (serialization) rather
            // than read an old head, under an isolation level stricter than READ COMMITTED
            sequencerTurn = "UPDATE " + sequencer + " SET runs = runs + 1 WHERE id = 1";
            legacyLedgerUntil = "SELECT legacy_ledger_until FROM " + sequencer + " WHERE id = 1";
            String verified = prefix + "audit_verified";
            verifiedRead = "SELECT audit_seq, audit_link, ledger_high, sweep_after, legacy_until, time_us, mac FROM "
                    + verified + " WHERE id = 1";
            verifiedUpdate = "UPDATE " + verified + " SET audit_seq = ?, audit_link = ?, ledger_high = ?, sweep_after = ?,"
                    + " legacy_until = ?, time_us = ?, mac = ? WHERE id = 1";
            verifiedInsert = "INSERT INTO " + verified + " (audit_seq, audit_link, ledger_high, sweep_after, legacy_until,"
                    + " time_us, mac, id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)";
            bindings = auditSelect + " WHERE ledger_seq >= ? AND ledger_seq <= ? UNION ALL SELECT 0, id, 2, "
                    + ENTRY_EVENT_COLUMNS + ", '', '' FROM " + entry + " WHERE ledger_seq >= ? AND ledger_seq <= ?"
                    + " ORDER BY 12, 2 LIMIT ?";
            checkpointInsert = "INSERT INTO " + checkpoint + " (seq, link, time_us) VALUES (?, ?, ?)";
            checkpointAll = "SELECT " + CHECKPOINT_COLUMNS + " FROM " + checkpoint + " ORDER BY id";
            if (dialect.supports(Dialect.Capability.POSTGRESQL_ARRAY_BATCHES)) {
                String entryArrays = "?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
                        + " ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[]";
                entryInsertArrays = "INSERT INTO " + entry + " (" + ENTRY_EVENT_COLUMNS + ") SELECT * FROM unnest("
                        + entryArrays + ") RETURNING id, entry_mac";
                auditInsertArrays = "INSERT INTO " + audit + " (" + AUDIT_COLUMNS + ") SELECT * FROM unnest(?::bigint[],"
                        + " ?::bigint[], ?::smallint[], " + entryArrays + ", ?::varchar[], ?::varchar[])";
                entryDeleteArray = "DELETE FROM " + entry + " WHERE id = ANY(?::bigint[])";
                entryIdsReserve = "SELECT nextval(pg_get_serial_sequence('" + entry + "', 'id')) FROM generate_series(1, ?)";
            } else {
                entryInsertArrays = null;
                auditInsertArrays = null;
                entryDeleteArray = null;
                entryIdsReserve = null;
            }
            for (int i = 0; i < ROWS.length; i++) {
                int n = ROWS[i];
                entryInsertsReturning[i] = dialect.insertReturning("INSERT INTO " + entry + " (" + ENTRY_EVENT_COLUMNS
                        + ") VALUES " + Tables.rows(n, 11), "id, entry_mac").orElse(null);
                auditInserts[i] = "INSERT INTO " + audit + " (" + AUDIT_COLUMNS + ") VALUES " + Tables.rows(n, 16);
                entryDeletes[i] = "DELETE FROM " + entry + " WHERE id IN (" + Tables.marks(n) + ")";
            }
        }

        /** @return the table prefix */
        String prefix() {
            return prefix;
        }

        /**
         * @param chunk an index into {@link #ROWS}
         * @return the insert of that many pending entries returning {@code id, entry_mac}, or null if the
         *         dialect has no such statement
         */
        String entryInsertReturning(int chunk) {
            return entryInsertsReturning[chunk];
        }

        /**
         * @param chunk an index into {@link #ROWS}
         * @return the insert of that many linked records (the columns of {@link JdbcAuditStore#AUDIT_COLUMNS}, row after row)
         */
        String auditInsertRows(int chunk) {
            return auditInserts[chunk];
        }

        /**
         * @param chunk an index into {@link #ROWS}
         * @return the delete of that many pending entries by id
         */
        String entryDeleteIds(int chunk) {
            return entryDeletes[chunk];
        }

        /**
         * @param n how many sequences
         * @return the audit SELECT of records whose entry ids are among {@code n} parameters
         */
        String auditOfEntries(int n) {
            return auditSelect + " WHERE entry_id IN (" + Tables.marks(n) + ") ORDER BY seq";
        }
    }

    private final Jdbc jdbc;
    private final Sql sql;
    private final Runnable checkWritable;

    /**
     * @param jdbc the unit's statement runner
     * @param sql the statements
     * @param checkWritable refuses a write in a read-only unit
     */
    JdbcAuditStore(Jdbc jdbc, Sql sql, Runnable checkWritable) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.checkWritable = checkWritable;
    }

    @Override
    public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
        checkWritable.run();
        StoredAuditRow row = StoredAuditRow.pending(1, event, ledger, mac);
        return jdbc.insertReturningKey(sql.entryInsert, "id", ps -> bindEntryEvent(ps, 1, row),
                "append to " + sql.prefix() + "audit_entry");
    }

    /**
     * Multi-row inserts (chunks of {@link Sql#ROWS}) returning each row's id and MAC, where the dialect
     * can; otherwise one JDBC batch with its generated keys. Returned rows are matched to the entries by
     * their MAC (lowest id first among equal MACs, whose entries are identical), so the result does not
     * depend on the order a database returns them in.
     */
    @Override
    public long[] addAll(List<NewEntry> entries) {
        checkWritable.run();
        String what = "append to " + sql.prefix() + "audit_entry";
        if (entries.isEmpty()) {
            return new long[0];
        }
        if (sql.entryInsertReturning(0) == null) {
            return jdbc.batchInsertReturningKeys(sql.entryInsert, "id", entries,
                    (ps, e) -> bindEntryEvent(ps, 1, StoredAuditRow.pending(1, e.event(), e.ledger(), e.mac())),
                    what);
        }
        long[] ids = new long[entries.size()];
        if (sql.entryInsertArrays != null) {
            List<StoredAuditRow> rows = new ArrayList<>(entries.size());
            for (NewEntry e : entries) {
                rows.add(StoredAuditRow.pending(1, e.event(), e.ledger(), e.mac()));
            }
            List<Object[]> returned = jdbc.query(sql.entryInsertArrays, ps -> bindEntryArrays(jdbc.connection(), jdbc.dialect(), ps,
                    1, rows), rs -> new Object[] {rs.getLong(1), rs.getString(2).trim()}, what);
            assignIds(entries, 0, entries.size(), returned, ids, what);
            return ids;
        }
        forChunks(entries.size(), (chunk, from, n) -> {
            List<NewEntry> part = entries.subList(from, from + n);
            List<Object[]> returned = jdbc.query(sql.entryInsertReturning(chunk), ps -> {
                int at = 1;
                for (NewEntry e : part) {
                    at = bindEntryEvent(ps, at, StoredAuditRow.pending(1, e.event(), e.ledger(), e.mac()));
                }
            }, rs -> new Object[] {rs.getLong(1), rs.getString(2).trim()}, what);
            assignIds(entries, from, n, returned, ids, what);
        });
        return ids;
    }

    /**
     * Gives each of the {@code n} entries from {@code from} the id of a returned (id, MAC) row with its
     * MAC, lowest id first among equal MACs (their entries are identical).
     */
    private static void assignIds(List<NewEntry> entries, int from, int n, List<Object[]> returned, long[] ids,
                                  String what) {
        if (returned.size() == n) {
            boolean inOrder = true;
            for (int i = 0; i < n && inOrder; i++) {
                inOrder = entries.get(from + i).mac().equals(returned.get(i)[1])
                        && (i == 0 || (Long) returned.get(i)[0] > (Long) returned.get(i - 1)[0]);
            }
            if (inOrder) { // the usual case: rows come back in the order inserted
                for (int i = 0; i < n; i++) {
                    ids[from + i] = (Long) returned.get(i)[0];
                }
                return;
            }
        }
        {
            List<NewEntry> part = entries.subList(from, from + n);
            List<long[]> idAndIndex = new ArrayList<>(n);
            Map<String, ArrayDeque<Integer>> byMac = new HashMap<>();
            for (int i = 0; i < n; i++) {
                byMac.computeIfAbsent(part.get(i).mac(), k -> new ArrayDeque<>()).add(i);
            }
            returned.sort(java.util.Comparator.comparingLong(r -> (Long) r[0]));
            for (Object[] r : returned) {
                ArrayDeque<Integer> waiting = byMac.get((String) r[1]);
                if (waiting == null || waiting.isEmpty()) {
                    throw new StorageException(what + ": the database returned a row that was not inserted", null);
                }
                idAndIndex.add(new long[] {(Long) r[0], waiting.poll()});
            }
            if (idAndIndex.size() != n) {
                throw new StorageException(what + ": the database returned " + idAndIndex.size() + " rows for " + n,
                        null);
            }
            for (long[] pair : idAndIndex) {
                ids[from + (int) pair[1]] = pair[0];
            }
        }
    }

    /** {@code POSTGRESQL_ARRAY_BATCHES}: ids drawn from the sequence of {@code audit_entry.id}, in one statement. */
    @Override
    public Optional<long[]> reserveIds(int n) {
        if (sql.entryIdsReserve == null) {
            return Optional.empty();
        }
        checkWritable.run();
        if (n <= 0) {
            throw new IllegalArgumentException("reserve a positive number of ids");
        }
        List<Long> drawn = jdbc.query(sql.entryIdsReserve, ps -> ps.setInt(1, n), rs -> rs.getLong(1),
                "reserve ids of " + sql.prefix() + "audit_entry");
        long[] ids = drawn.stream().mapToLong(Long::longValue).sorted().toArray();
        if (ids.length != n) {
            throw new StorageException("reserve ids of " + sql.prefix() + "audit_entry: got " + ids.length + " for " + n,
                    null);
        }
        return Optional.of(ids);
    }

    @Override
    public void appendLinked(List<StoredAuditRow> linked) {
        if (sql.auditInsertArrays == null) {
            throw new UnsupportedOperationException("this store does not reserve entry ids");
        }
        checkWritable.run();
        jdbc.update(sql.auditInsertArrays, ps -> bindAuditArrays(jdbc.connection(), jdbc.dialect(), ps, linked),
                "append to " + sql.prefix() + "audit");
    }

    /** A part of a multi-row write: {@code n} items from {@code from}, {@code n == Sql.ROWS[chunk]}. */
    @FunctionalInterface
    private interface ChunkWork {
        void run(int chunk, int from, int n);
    }

    /** Covers {@code total} items with chunks of {@link Sql#ROWS}, largest first. */
    private static void forChunks(int total, ChunkWork work) {
        int from = 0;
        for (int chunk = 0; chunk < Sql.ROWS.length; chunk++) {
            int n = Sql.ROWS[chunk];
            while (total - from >= n) {
                work.run(chunk, from, n);
                from += n;
            }
        }
    }

    @Override
    public boolean lockSequencer(boolean wait) {
        checkWritable.run();
        String what = "lock " + sql.prefix() + "audit_sequencer";
        boolean locked = jdbc.queryOne(wait ? sql.sequencerLock : sql.sequencerTryLock, ps -> { }, rs -> Boolean.TRUE,
                what).isPresent();
        if (!locked) {
            if (wait) {
                throw new dev.consentkit.core.StorageException("the row of " + sql.prefix()
                        + "audit_sequencer is missing: reinstall the schema", null);
            }
            return false;
        }
        jdbc.update(sql.sequencerTurn, ps -> { }, what);
        return true;
    }

    @Override
    public Optional<StoredAuditRow> head() {
        return jdbc.queryOne(sql.auditHead, ps -> { }, JdbcAuditStore::storedAudit, "read " + sql.prefix() + "audit head");
    }

    @Override
    public List<StoredAuditRow> pending(int limit) {
        checkLimit(limit);
        return jdbc.query(sql.entriesPending, ps -> ps.setInt(1, limit), JdbcAuditStore::storedPending,
                "read " + sql.prefix() + "audit_entry");
    }

    /** Multi-row inserts and deletes by id lists, in chunks of {@link Sql#ROWS}: a few statements per batch. */
    @Override
    public void link(List<StoredAuditRow> linked) {
        checkWritable.run();
        int[] deleted = {0};
        if (sql.auditInsertArrays != null) {
            jdbc.update(sql.auditInsertArrays, ps -> bindAuditArrays(jdbc.connection(), jdbc.dialect(), ps, linked),
                    "append to " + sql.prefix() + "audit");
            Long[] ids = new Long[linked.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = linked.get(i).entryId();
            }
            deleted[0] = jdbc.update(sql.entryDeleteArray, ps -> ps.setArray(1, jdbc.connection().createArrayOf(
                    jdbc.dialect().arrayElementType(JDBCType.BIGINT), ids)), "remove linked entries from " + sql.prefix() + "audit_entry");
        }
        forChunks(sql.auditInsertArrays != null ? 0 : linked.size(), (chunk, from, n) -> {
            List<StoredAuditRow> part = linked.subList(from, from + n);
            jdbc.update(sql.auditInsertRows(chunk), ps -> {
                int at = 1;
                for (StoredAuditRow r : part) {
                    at = bindAudit(ps, at, r);
                }
            }, "append to " + sql.prefix() + "audit");
            deleted[0] += jdbc.update(sql.entryDeleteIds(chunk), ps -> {
                for (int i = 0; i < n; i++) {
                    ps.setLong(i + 1, part.get(i).entryId());
                }
            }, "remove linked entries from " + sql.prefix() + "audit_entry");
        });
        if (deleted[0] != linked.size()) {
            throw new ConcurrentUpdateException("link in " + sql.prefix() + "audit: an entry was linked by another"
                    + " sequencer", null);
        }
    }

    @Override
    public List<StoredAuditRow> read(long fromSequence, int limit) {
        checkLimit(limit);
        return jdbc.query(sql.auditPage, ps -> {
            ps.setLong(1, fromSequence);
            ps.setInt(2, limit);
        }, JdbcAuditStore::storedAudit, "read " + sql.prefix() + "audit");
    }

    @Override
    public List<StoredAuditRow> entries(Collection<Long> entryIds) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(entryIds));
        List<StoredAuditRow> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            found.addAll(jdbc.query(sql.auditOfEntries(chunk.size()), ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
            }, JdbcAuditStore::storedAudit, "read " + sql.prefix() + "audit by entry"));
        }
        found.sort(java.util.Comparator.comparingLong(StoredAuditRow::sequence));
        return found;
    }

    @Override
    public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
        checkLimit(limit);
        return jdbc.query(sql.bindings, ps -> {
            ps.setLong(1, fromLedgerSequence);
            ps.setLong(2, toLedgerSequence);
            ps.setLong(3, fromLedgerSequence);
            ps.setLong(4, toLedgerSequence);
            ps.setInt(5, limit);
        }, JdbcAuditStore::storedAudit, "read the entries binding " + sql.prefix() + "ledger rows");
    }

    /** Checkpoints go to {@code audit_checkpoint}, the verified point to {@code audit_verified}. */
    @Override
    public void saveMark(AuditMark mark) {
        Objects.requireNonNull(mark, "mark");
        if (mark instanceof AuditMark.Checkpoint c) {
            addCheckpoint(c.checkpoint());
        } else if (mark instanceof VerifiedPoint p) {
            saveVerifiedPoint(p);
        } else {
            throw new IllegalArgumentException("the legacy ledger boundary is set by the schema upgrade, never saved");
        }
    }

    /** The legacy boundary is the one the v4 upgrade wrote into {@code audit_sequencer}. */
    @Override
    public List<AuditMark> marks() {
        List<AuditMark> marks = new ArrayList<>();
        checkpoints().forEach(c -> marks.add(new AuditMark.Checkpoint(c)));
        verifiedPoint().ifPresent(marks::add);
        long legacy = jdbc.queryOne(sql.legacyLedgerUntil, ps -> { }, rs -> rs.getLong(1),
                "read " + sql.prefix() + "audit_sequencer").orElse(0L);
        if (legacy > 0) {
            marks.add(new AuditMark.LegacyLedger(legacy));
        }
        return marks;
    }

    private void addCheckpoint(AuditCheckpoint checkpoint) {
        checkWritable.run();
        Objects.requireNonNull(checkpoint, "checkpoint");
        jdbc.update(sql.checkpointInsert, ps -> {
            ps.setLong(1, checkpoint.sequence());
            ps.setString(2, checkpoint.link());
            ps.setLong(3, Rows.micros(checkpoint.time(), "checkpoint time"));
        }, "append to " + sql.prefix() + "audit_checkpoint");
    }

    /** A stored checkpoint that does not parse is left out, as if deleted (a deletion is not detectable either). */
    private List<AuditCheckpoint> checkpoints() {
        List<AuditCheckpoint> all = new ArrayList<>();
        jdbc.stream(sql.checkpointAll, ps -> { }, rs -> {
            try {
                return Optional.of(checkpoint(rs));
            } catch (RuntimeException e) {
                return Optional.<AuditCheckpoint>empty();
            }
        }, c -> c.ifPresent(all::add), "read " + sql.prefix() + "audit_checkpoint");
        return all;
    }

    private Optional<VerifiedPoint> verifiedPoint() {
        return jdbc.queryOne(sql.verifiedRead, ps -> { }, rs -> new VerifiedPoint(rs.getLong(1), Rows.orEmpty(rs.getString(2)),
                rs.getLong(3), Rows.orEmpty(rs.getString(4)), rs.getLong(5), rs.getLong(6), Rows.orEmpty(rs.getString(7))),
                "read " + sql.prefix() + "audit_verified");
    }

    private void saveVerifiedPoint(VerifiedPoint p) {
        checkWritable.run();
        Objects.requireNonNull(p, "point");
        Jdbc.Binder bind = ps -> {
            ps.setLong(1, p.auditSequence());
            ps.setString(2, p.auditLink());
            ps.setLong(3, p.ledgerHigh());
            ps.setString(4, Rows.limited(p.sweepAfter(), "sweep_after", 128));
            ps.setLong(5, p.legacyUntil());
            ps.setLong(6, p.timeMicros());
            ps.setString(7, p.mac());
        };
        String what = "write " + sql.prefix() + "audit_verified";
        if (jdbc.update(sql.verifiedUpdate, bind, what) == 0) {
            jdbc.update(sql.verifiedInsert, bind, what);
        }
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /**
     * Binds the columns of {@link #ENTRY_EVENT_COLUMNS} from {@code first}.
     *
     * @return the next parameter index
     */
    static int bindEntryEvent(PreparedStatement ps, int first, StoredAuditRow r) throws SQLException {
        int i = first;
        ps.setLong(i++, r.timeMicros());
        ps.setString(i++, r.actorKind());
        Rows.setNullable(ps, i++, r.actorId());
        ps.setString(i++, r.action());
        Rows.setNullable(ps, i++, r.subjectRef());
        Rows.setNullable(ps, i++, r.purpose());
        ps.setString(i++, r.outcome());
        Rows.setNullable(ps, i++, r.reference());
        if (r.ledgerSequence().isPresent()) {
            ps.setLong(i++, r.ledgerSequence().getAsLong());
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        Rows.setNullable(ps, i++, r.ledgerDigest());
        Rows.setNullable(ps, i++, r.entryMac());
        return i;
    }

    /**
     * Binds the columns of {@link #ENTRY_EVENT_COLUMNS} of many rows as one array per column, from
     * parameter {@code first} ({@code unnest}, {@code POSTGRESQL_ARRAY_BATCHES}).
     *
     * @return the next parameter index
     */
    static int bindEntryArrays(java.sql.Connection c, Dialect d, PreparedStatement ps, int first,
                               List<StoredAuditRow> rows)
            throws SQLException {
        int n = rows.size();
        Long[] time = new Long[n];
        String[] actorKind = new String[n];
        String[] actorId = new String[n];
        String[] action = new String[n];
        String[] subjectRef = new String[n];
        String[] purpose = new String[n];
        String[] outcome = new String[n];
        String[] reference = new String[n];
        Long[] ledgerSeq = new Long[n];
        String[] ledgerDigest = new String[n];
        String[] mac = new String[n];
        for (int j = 0; j < n; j++) {
            StoredAuditRow r = rows.get(j);
            time[j] = r.timeMicros();
            actorKind[j] = r.actorKind();
            actorId[j] = r.actorId().orElse(null);
            action[j] = r.action();
            subjectRef[j] = r.subjectRef().orElse(null);
            purpose[j] = r.purpose().orElse(null);
            outcome[j] = r.outcome();
            reference[j] = r.reference().orElse(null);
            ledgerSeq[j] = r.ledgerSequence().isPresent() ? r.ledgerSequence().getAsLong() : null;
            ledgerDigest[j] = r.ledgerDigest().orElse(null);
            mac[j] = r.entryMac().orElse(null);
        }
        String bigint = d.arrayElementType(JDBCType.BIGINT);
        String varchar = d.arrayElementType(JDBCType.VARCHAR);
        int i = first;
        ps.setArray(i++, c.createArrayOf(bigint, time));
        for (String[] column : List.of(actorKind, actorId, action, subjectRef, purpose, outcome, reference)) {
            ps.setArray(i++, c.createArrayOf(varchar, column));
        }
        ps.setArray(i++, c.createArrayOf(bigint, ledgerSeq));
        ps.setArray(i++, c.createArrayOf(varchar, ledgerDigest));
        ps.setArray(i++, c.createArrayOf(varchar, mac));
        return i;
    }

    /** Binds linked records to the columns of {@link #AUDIT_COLUMNS}, one array per column ({@code POSTGRESQL_ARRAY_BATCHES}). */
    static void bindAuditArrays(java.sql.Connection c, Dialect d, PreparedStatement ps, List<StoredAuditRow> rows)
            throws SQLException {
        int n = rows.size();
        Long[] seq = new Long[n];
        Long[] entryId = new Long[n];
        Integer[] format = new Integer[n];
        String[] previous = new String[n];
        String[] link = new String[n];
        for (int j = 0; j < n; j++) {
            StoredAuditRow r = rows.get(j);
            seq[j] = r.sequence();
            entryId[j] = r.entryId();
            format[j] = r.format();
            previous[j] = r.previousLink();
            link[j] = r.link();
        }
        String bigint = d.arrayElementType(JDBCType.BIGINT);
        String varchar = d.arrayElementType(JDBCType.VARCHAR);
        ps.setArray(1, c.createArrayOf(bigint, seq));
        ps.setArray(2, c.createArrayOf(bigint, entryId));
        ps.setArray(3, c.createArrayOf(d.arrayElementType(JDBCType.INTEGER), format));
        int i = bindEntryArrays(c, d, ps, 4, rows);
        ps.setArray(i, c.createArrayOf(varchar, previous));
        ps.setArray(i + 1, c.createArrayOf(varchar, link));
    }

    /**
     * Binds a linked record to the columns of {@link #AUDIT_COLUMNS} from parameter {@code first} on.
     *
     * @return the next parameter index
     */
    static int bindAudit(PreparedStatement ps, int first, StoredAuditRow r) throws SQLException {
        ps.setLong(first, r.sequence());
        ps.setLong(first + 1, r.entryId());
        ps.setInt(first + 2, r.format());
        int i = bindEntryEvent(ps, first + 3, r);
        ps.setString(i, r.previousLink());
        ps.setString(i + 1, r.link());
        return i + 2;
    }

    /**
     * Reads a row of {@link #AUDIT_COLUMNS} as stored, never failing on its values: a NULL the kit
     * never writes reads as the empty string (or 0), for verification to judge.
     */
    static StoredAuditRow storedAudit(ResultSet rs) throws SQLException {
        long entry = rs.getLong(A_ENTRY);
        return storedEntry(rs, A_TIME, rs.getLong(A_SEQ), rs.wasNull() ? 0 : entry, rs.getInt(A_FORMAT),
                Rows.orEmpty(rs.getString(A_PREVIOUS)), Rows.orEmpty(rs.getString(A_LINK)));
    }

    /** Reads a row of {@link #ENTRY_COLUMNS}: a pending entry as stored. */
    static StoredAuditRow storedPending(ResultSet rs) throws SQLException {
        return storedEntry(rs, E_TIME, 0, rs.getLong(E_ID), StoredAuditRow.FORMAT_2, "", "");
    }

    /** Reads the columns of {@link #ENTRY_EVENT_COLUMNS} from {@code first}. */
    private static StoredAuditRow storedEntry(ResultSet rs, int first, long sequence, long entryId, int format,
                                              String previous, String link) throws SQLException {
        long time = rs.getLong(first);
        String actorKind = Rows.orEmpty(rs.getString(first + 1));
        Optional<String> actorId = Rows.text(rs, first + 2);
        String action = Rows.orEmpty(rs.getString(first + 3));
        Optional<String> subjectRef = Rows.text(rs, first + 4);
        Optional<String> purpose = Rows.text(rs, first + 5);
        String outcome = Rows.orEmpty(rs.getString(first + 6));
        Optional<String> reference = Rows.text(rs, first + 7);
        long ledgerSeq = rs.getLong(first + 8);
        OptionalLong ledger = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(ledgerSeq);
        return new StoredAuditRow(sequence, entryId, format, time, actorKind, actorId, action, subjectRef, purpose,
                outcome, reference, ledger, Rows.text(rs, first + 9), Rows.text(rs, first + 10), previous, link);
    }

    /** Reads a row of {@link #CHECKPOINT_COLUMNS}. */
    static AuditCheckpoint checkpoint(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(rs.getLong(C_SEQ), rs.getString(C_LINK), Rows.instant(rs.getLong(C_TIME)));
    }
}
