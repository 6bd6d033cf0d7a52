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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit entries ({@code <prefix>audit_entry}, pending), the chain ({@code <prefix>audit},
 * append-only), its checkpoints, the sequencer's lock row and the last verified point. Writers insert
 * pending entries and read nothing global; the sequencer, under the lock, copies entries into the
 * chain and deletes the pending rows it moved. Rows are read as stored. Not API. Not thread-safe: one
 * per unit of work.
 */
final class JdbcAuditStore implements AuditStore {
    private static final int IN_CHUNK = 500;
    private final Jdbc jdbc;
    private final Sql sql;
    private final Runnable checkWritable;

    JdbcAuditStore(Jdbc jdbc, Sql sql, Runnable checkWritable) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.checkWritable = checkWritable;
    }

    @Override
    public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
        checkWritable.run();
        StoredAuditRow row = StoredAuditRow.pending(1, event, ledger, mac);
        return jdbc.insertReturningKey(sql.entryInsert, "id", ps -> Rows.bindEntryEvent(ps, 1, row),
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
                    (ps, e) -> Rows.bindEntryEvent(ps, 1, StoredAuditRow.pending(1, e.event(), e.ledger(), e.mac())),
                    what);
        }
        long[] ids = new long[entries.size()];
        if (sql.entryInsertArrays != null) {
            List<StoredAuditRow> rows = new ArrayList<>(entries.size());
            for (NewEntry e : entries) {
                rows.add(StoredAuditRow.pending(1, e.event(), e.ledger(), e.mac()));
            }
            List<Object[]> returned = jdbc.query(sql.entryInsertArrays, ps -> Rows.bindEntryArrays(jdbc.connection(), ps,
                    1, rows), rs -> new Object[] {rs.getLong(1), rs.getString(2).trim()}, what);
            assignIds(entries, 0, entries.size(), returned, ids, what);
            return ids;
        }
        forChunks(entries.size(), (chunk, from, n) -> {
            List<NewEntry> part = entries.subList(from, from + n);
            List<Object[]> returned = jdbc.query(sql.entryInsertReturning(chunk), ps -> {
                int at = 1;
                for (NewEntry e : part) {
                    at = Rows.bindEntryEvent(ps, at, StoredAuditRow.pending(1, e.event(), e.ledger(), e.mac()));
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

    /** PostgreSQL: ids drawn from the sequence of {@code audit_entry.id}, in one statement. */
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
        jdbc.update(sql.auditInsertArrays, ps -> Rows.bindAuditArrays(jdbc.connection(), ps, linked),
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
        return jdbc.queryOne(sql.auditHead, ps -> { }, Rows::storedAudit, "read " + sql.prefix() + "audit head");
    }

    @Override
    public List<StoredAuditRow> pending(int limit) {
        checkLimit(limit);
        return jdbc.query(sql.entriesPending, ps -> ps.setInt(1, limit), Rows::storedPending,
                "read " + sql.prefix() + "audit_entry");
    }

    /** Multi-row inserts and deletes by id lists, in chunks of {@link Sql#ROWS}: a few statements per batch. */
    @Override
    public void link(List<StoredAuditRow> linked) {
        checkWritable.run();
        int[] deleted = {0};
        if (sql.auditInsertArrays != null) {
            jdbc.update(sql.auditInsertArrays, ps -> Rows.bindAuditArrays(jdbc.connection(), ps, linked),
                    "append to " + sql.prefix() + "audit");
            Long[] ids = new Long[linked.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = linked.get(i).entryId();
            }
            deleted[0] = jdbc.update(sql.entryDeleteArray, ps -> ps.setArray(1, jdbc.connection().createArrayOf("bigint",
                    ids)), "remove linked entries from " + sql.prefix() + "audit_entry");
        }
        forChunks(sql.auditInsertArrays != null ? 0 : linked.size(), (chunk, from, n) -> {
            List<StoredAuditRow> part = linked.subList(from, from + n);
            jdbc.update(sql.auditInsertRows(chunk), ps -> {
                int at = 1;
                for (StoredAuditRow r : part) {
                    at = Rows.bindAudit(ps, at, r);
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
        }, Rows::storedAudit, "read " + sql.prefix() + "audit");
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
            }, Rows::storedAudit, "read " + sql.prefix() + "audit by entry"));
        }
        found.sort(java.util.Comparator.comparingLong(StoredAuditRow::sequence));
        return found;
    }

    @Override
    public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
        return new JdbcIntegrityStore(jdbc, sql).bindings(fromLedgerSequence, toLedgerSequence, limit);
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
        long legacy = new JdbcIntegrityStore(jdbc, sql).legacyLedgerUntil();
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
                return Optional.of(Rows.checkpoint(rs));
            } catch (RuntimeException e) {
                return Optional.<AuditCheckpoint>empty();
            }
        }, c -> c.ifPresent(all::add), "read " + sql.prefix() + "audit_checkpoint");
        return all;
    }

    private Optional<VerifiedPoint> verifiedPoint() {
        return jdbc.queryOne(sql.verifiedRead, ps -> { }, rs -> new VerifiedPoint(rs.getLong(1), orEmpty(rs.getString(2)),
                rs.getLong(3), orEmpty(rs.getString(4)), rs.getLong(5), rs.getLong(6), orEmpty(rs.getString(7))),
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

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
