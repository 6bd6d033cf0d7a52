package dev.consentkit.jdbc.internal;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.spi.VerifiedPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    @Override
    public void link(List<StoredAuditRow> linked) {
        checkWritable.run();
        jdbc.batch(sql.auditInsert, linked, Rows::bindAudit, "append to " + sql.prefix() + "audit");
        int[] deleted = jdbc.batch(sql.entryDelete, linked, (ps, r) -> ps.setLong(1, r.entryId()),
                "remove linked entries from " + sql.prefix() + "audit_entry");
        for (int d : deleted) {
            if (d == 0) {
                throw new ConcurrentUpdateException("link in " + sql.prefix() + "audit: an entry was linked by another"
                        + " sequencer", null);
            }
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
