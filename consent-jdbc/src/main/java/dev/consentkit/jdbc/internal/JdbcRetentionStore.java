package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.retention.ActEntry;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.retention.DisposalAction;
import dev.consentkit.core.retention.Signatory;
import dev.consentkit.core.retention.RetentionAnchor;
import dev.consentkit.core.retention.RetentionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The retention store on JDBC: anchors, disposal markers and destruction acts, with all its SQL.
 * Every read of many rows is one statement (sets of up to {@link JdbcUnit#SET_CHUNK} ids); markers are
 * written set-based (arrays) on PostgreSQL and H2, as one JDBC batch per disposal batch elsewhere.
 * Not API. Not thread-safe: one per unit of work.
 */
final class JdbcRetentionStore implements RetentionStore {
    private static final String ACT_COLUMNS = "act_id, operator_name, operator_address, processor, system_name,"
            + " actor_kind, actor_id, signatory_name, signatory_position, started_at_us, completed_at_us";
    /** {@code audit_seq} (named in v3) holds the audit entry id, equal to the sequence for rows written before v4. */
    private static final String ENTRY_COLUMNS = "act_id, entry_no, policy_id, purpose_id, category, action, reason,"
            + " subject_refs, record_count, disposed_at_us, audit_seq";
    private final Jdbc jdbc;
    private final boolean writable;
    private final String event;
    private final String disposal;
    private final String act;
    private final String entry;
    private final String eventAdvance;
    private final String eventFind;
    private final String eventInsert;
    private final String eventsDue;
    private final String eventsForget;
    private final String disposalFind;
    private final String disposalDelete;
    private final String disposalInsert;
    private final boolean arrays;
    private final boolean rowValues;
    private final String disposalDeleteSet;
    private final String disposalInsertSet;
    private final String disposalFindKeys;

    JdbcRetentionStore(Jdbc jdbc, String prefix, boolean writable) {
        this.jdbc = jdbc;
        this.writable = writable;
        event = prefix + "retention_event";
        disposal = prefix + "retention_disposal";
        act = prefix + "destruction_act";
        entry = prefix + "destruction_act_entry";
        eventAdvance = "UPDATE " + event + " SET at_us = ? WHERE event_name = ? AND subject_id = ? AND record_ref = ?"
                + " AND at_us < ?";
        rowValues = rowValues(jdbc);
        eventFind = "SELECT at_us FROM " + event + " WHERE event_name = ? AND subject_id = ? AND record_ref = ?";
        eventInsert = "INSERT INTO " + event + " (event_name, subject_id, record_ref, at_us) VALUES (?, ?, ?, ?)";
        // keyset paging in the table's key order; the empty cursor ('', '') precedes every subject id
        eventsDue = "SELECT e.subject_id, e.record_ref, e.at_us FROM " + event + " e"
                + " WHERE e.event_name = ? AND e.at_us <= ?"
                // a row-value comparison is an index range on PostgreSQL and H2; the OR form is filtered
                // from the start of the index on PostgreSQL, making every page cost more than the last
                + (rowValues(jdbc) ? " AND (e.subject_id, e.record_ref) > (?, ?)"
                        : " AND (e.subject_id > ? OR (e.subject_id = ? AND e.record_ref > ?))")
                + " AND NOT EXISTS (SELECT 1 FROM " + disposal + " d WHERE d.policy_id = ?"
                + " AND d.subject_id = e.subject_id AND d.record_ref = e.record_ref AND d.anchor_at_us >= e.at_us)"
                + " ORDER BY e.subject_id, e.record_ref LIMIT ?";
        eventsForget = "DELETE FROM " + event + " WHERE subject_id = ?";
        disposalFind = "SELECT subject_id, record_ref, anchor_at_us FROM " + disposal + " WHERE policy_id = ? AND "
                + jdbc.dialect().inSet("subject_id");
        disposalDelete = "DELETE FROM " + disposal + " WHERE policy_id = ? AND subject_id = ? AND record_ref = ?";
        disposalInsert = "INSERT INTO " + disposal + " (policy_id, subject_id, record_ref, anchor_at_us, act_id)"
                + " VALUES (?, ?, ?, ?, ?)";
        // array parameters (PostgreSQL, H2): a disposal batch is one DELETE and one INSERT, not 2 per row
        arrays = jdbc.dialect().supports(dev.consentkit.jdbc.spi.Dialect.Capability.ARRAY_PARAMETERS);
        disposalDeleteSet = "DELETE FROM " + disposal + " WHERE policy_id = ? AND (subject_id, record_ref) IN"
                + " (SELECT u.s, u.r FROM UNNEST(?, ?) AS u(s, r))";
        disposalInsertSet = "INSERT INTO " + disposal + " (policy_id, subject_id, record_ref, anchor_at_us, act_id)"
                + " SELECT ?, u.s, u.r, u.a, ? FROM UNNEST(?, ?, ?) AS u(s, r, a)";
        // exact keys looked up one by one in the primary key: "subject_id = ANY(?)" turned into a scan of
        // the policy's markers on PostgreSQL once the table had grown past its statistics
        disposalFindKeys = "SELECT d.subject_id, d.record_ref, d.anchor_at_us FROM UNNEST(?, ?) AS u(s, r) JOIN "
                + disposal + " d ON d.policy_id = ? AND d.subject_id = u.s AND d.record_ref = u.r";
    }

    private static boolean rowValues(Jdbc jdbc) {
        return jdbc.dialect().supports(dev.consentkit.jdbc.spi.Dialect.Capability.ROW_VALUES);
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    @Override
    public boolean recordEvent(EventName eventName, RetentionAnchor anchor) {
        checkWritable();
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(anchor, "anchor");
        long at = Rows.micros(anchor.at(), "event time");
        String what = "write " + event;
        int advanced = jdbc.update(eventAdvance, ps -> {
            ps.setLong(1, at);
            ps.setString(2, eventName.value());
            ps.setString(3, anchor.subject().value());
            ps.setString(4, anchor.recordRef());
            ps.setLong(5, at);
        }, what);
        if (advanced > 0) {
            return true;
        }
        if (event(eventName, anchor.key()).isPresent()) {
            return false;
        }
        jdbc.update(eventInsert, ps -> {
            ps.setString(1, eventName.value());
            ps.setString(2, anchor.subject().value());
            ps.setString(3, anchor.recordRef());
            ps.setLong(4, at);
        }, what);
        return true;
    }

    @Override
    public Optional<Instant> event(EventName eventName, RetentionAnchor.Key key) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(key, "key");
        return jdbc.queryOne(eventFind, ps -> {
            ps.setString(1, eventName.value());
            ps.setString(2, key.subject().value());
            ps.setString(3, key.recordRef());
        }, rs -> Rows.instant(rs.getLong(1)), "read " + event);
    }

    @Override
    public List<RetentionAnchor> dueEvents(PolicyId policyId, EventName eventName, Instant upTo,
                                           Optional<RetentionAnchor.Key> after, int limit) {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(after, "after");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        String afterSubject = after.map(k -> k.subject().value()).orElse("");
        String afterRecord = after.map(RetentionAnchor.Key::recordRef).orElse("");
        return jdbc.query(eventsDue, ps -> {
            ps.setString(1, eventName.value());
            ps.setLong(2, Rows.micros(upTo, "upTo"));
            int i = 3;
            ps.setString(i++, afterSubject);
            if (!rowValues) {
                ps.setString(i++, afterSubject);
            }
            ps.setString(i++, afterRecord);
            ps.setString(i++, policyId.value());
            ps.setInt(i, limit);
        }, rs -> new RetentionAnchor(SubjectId.of(rs.getString(1)), rs.getString(2), Rows.instant(rs.getLong(3))),
                "read due anchors from " + event);
    }

    @Override
    public Set<RetentionAnchor.Key> disposed(PolicyId policyId, Collection<RetentionAnchor> anchors) {
        Objects.requireNonNull(policyId, "policyId");
        Map<RetentionAnchor.Key, Instant> wanted = new HashMap<>();
        anchors.forEach(a -> wanted.merge(a.key(), a.at(), (x, y) -> x.isAfter(y) ? x : y));
        List<String> subjects = new ArrayList<>(new LinkedHashSet<>(wanted.keySet().stream()
                .map(k -> k.subject().value()).toList()));
        Set<RetentionAnchor.Key> found = new HashSet<>();
        if (arrays) {
            List<RetentionAnchor.Key> keys = new ArrayList<>(wanted.keySet());
            String typeName = jdbc.dialect().arrayElementType(java.sql.JDBCType.VARCHAR);
            for (int from = 0; from < keys.size(); from += JdbcUnit.SET_CHUNK) {
                List<RetentionAnchor.Key> chunk = keys.subList(from, Math.min(keys.size(), from + JdbcUnit.SET_CHUNK));
                Object[] subjectIds = chunk.stream().map(k -> k.subject().value()).toArray();
                Object[] records = chunk.stream().map(RetentionAnchor.Key::recordRef).toArray();
                jdbc.stream(disposalFindKeys, ps -> {
                    ps.setArray(1, jdbc.connection().createArrayOf(typeName, subjectIds));
                    ps.setArray(2, jdbc.connection().createArrayOf(typeName, records));
                    ps.setString(3, policyId.value());
                }, rs -> new RetentionAnchor(SubjectId.of(rs.getString(1)), rs.getString(2), Rows.instant(rs.getLong(3))),
                        marker -> {
                            Instant at = wanted.get(marker.key());
                            if (at != null && !marker.at().isBefore(at)) {
                                found.add(marker.key());
                            }
                        }, "read " + disposal);
            }
            return found;
        }
        for (int from = 0; from < subjects.size(); from += JdbcUnit.SET_CHUNK) {
            List<String> chunk = subjects.subList(from, Math.min(subjects.size(), from + JdbcUnit.SET_CHUNK));
            jdbc.stream(disposalFind, ps -> {
                ps.setString(1, policyId.value());
                jdbc.dialect().bindSet(jdbc.connection(), ps, 2, chunk);
            }, rs -> new RetentionAnchor(SubjectId.of(rs.getString(1)), rs.getString(2), Rows.instant(rs.getLong(3))),
                    marker -> {
                        Instant at = wanted.get(marker.key());
                        if (at != null && !marker.at().isBefore(at)) {
                            found.add(marker.key());
                        }
                    }, "read " + disposal);
        }
        return found;
    }

    @Override
    public void markDisposed(PolicyId policyId, Collection<RetentionAnchor> anchors, UUID actId) {
        checkWritable();
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(actId, "actId");
        Map<RetentionAnchor.Key, RetentionAnchor> latest = new HashMap<>();
        anchors.forEach(a -> latest.merge(a.key(), a, (x, y) -> x.at().isAfter(y.at()) ? x : y));
        String what = "write " + disposal;
        if (arrays) {
            markDisposedSet(policyId, latest.values(), actId, what);
            return;
        }
        batch(disposalDelete, latest.values(), (ps, a) -> {
            ps.setString(1, policyId.value());
            ps.setString(2, a.subject().value());
            ps.setString(3, a.recordRef());
        }, what);
        batch(disposalInsert, latest.values(), (ps, a) -> {
            ps.setString(1, policyId.value());
            ps.setString(2, a.subject().value());
            ps.setString(3, a.recordRef());
            ps.setLong(4, Rows.micros(a.at(), "anchor time"));
            ps.setString(5, actId.toString());
        }, what);
    }

    /**
     * The markers of one batch as one set-based DELETE and one INSERT per {@link JdbcUnit#SET_CHUNK} anchors,
     * the keys and anchor times bound as arrays (PostgreSQL, H2).
     */
    private void markDisposedSet(PolicyId policyId, Collection<RetentionAnchor> anchors, UUID actId, String what) {
        List<RetentionAnchor> rows = new ArrayList<>(anchors);
        String typeName = jdbc.dialect().arrayElementType(java.sql.JDBCType.VARCHAR);
        String longName = jdbc.dialect().arrayElementType(java.sql.JDBCType.BIGINT);
        for (int from = 0; from < rows.size(); from += JdbcUnit.SET_CHUNK) {
            List<RetentionAnchor> chunk = rows.subList(from, Math.min(rows.size(), from + JdbcUnit.SET_CHUNK));
            Object[] subjects = new Object[chunk.size()];
            Object[] records = new Object[chunk.size()];
            Object[] times = new Object[chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                RetentionAnchor a = chunk.get(i);
                subjects[i] = a.subject().value();
                records[i] = a.recordRef();
                times[i] = Rows.micros(a.at(), "anchor time");
            }
            jdbc.update(disposalDeleteSet, ps -> {
                ps.setString(1, policyId.value());
                ps.setArray(2, jdbc.connection().createArrayOf(typeName, subjects));
                ps.setArray(3, jdbc.connection().createArrayOf(typeName, records));
            }, what);
            jdbc.update(disposalInsertSet, ps -> {
                ps.setString(1, policyId.value());
                ps.setString(2, actId.toString());
                ps.setArray(3, jdbc.connection().createArrayOf(typeName, subjects));
                ps.setArray(4, jdbc.connection().createArrayOf(typeName, records));
                ps.setArray(5, jdbc.connection().createArrayOf(longName, times));
            }, what);
        }
    }

    @Override
    public int forgetEvents(SubjectId subject) {
        checkWritable();
        Objects.requireNonNull(subject, "subject");
        return jdbc.update(eventsForget, ps -> ps.setString(1, subject.value()), "delete from " + event);
    }

    @Override
    public void openAct(DestructionAct a) {
        checkWritable();
        Objects.requireNonNull(a, "act");
        if (!a.entries().isEmpty() || a.complete()) {
            throw new IllegalArgumentException("a new act is open and has no entries");
        }
        jdbc.update("INSERT INTO " + act + " (" + ACT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, a.id().toString());
            ps.setString(2, a.operator());
            ps.setString(3, a.operatorAddress().orElse(null));
            ps.setString(4, a.processor().orElse(null));
            ps.setString(5, a.system());
            ps.setString(6, a.performedBy().kind().name());
            ps.setString(7, a.performedBy().id().orElse(null));
            ps.setString(8, a.signatory().map(Signatory::name).orElse(null));
            ps.setString(9, a.signatory().map(Signatory::position).orElse(null));
            ps.setLong(10, Rows.micros(a.startedAt(), "startedAt"));
            ps.setNull(11, java.sql.Types.BIGINT);
        }, "write " + act);
    }

    @Override
    public Optional<DestructionAct> unfinishedAct() {
        List<DestructionAct> open = headers(" WHERE completed_at_us IS NULL ORDER BY started_at_us, act_id", ps -> { });
        return open.isEmpty() ? Optional.empty() : withEntries(open.subList(0, 1)).stream().findFirst();
    }

    @Override
    public void addActEntry(UUID actId, ActEntry e) {
        checkWritable();
        Objects.requireNonNull(e, "entry");
        requireOpen(actId);
        int count = jdbc.queryOne("SELECT COUNT(*) FROM " + entry + " WHERE act_id = ?",
                ps -> ps.setString(1, actId.toString()), rs -> rs.getInt(1), "read " + entry).orElse(0);
        if (e.number() != count + 1) {
            throw new ConcurrentUpdateException("act entry " + e.number() + " is not the next one", null);
        }
        jdbc.update("INSERT INTO " + entry + " (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, actId.toString());
            ps.setInt(2, e.number());
            ps.setString(3, e.policyId().value());
            ps.setString(4, e.purpose().value());
            ps.setString(5, e.category().value());
            ps.setString(6, e.action().name());
            ps.setString(7, e.reason());
            ps.setString(8, String.join(" ", e.subjectRefs().stream().map(KeyedHash::value).toList()));
            ps.setInt(9, e.recordCount());
            ps.setLong(10, Rows.micros(e.disposedAt(), "disposedAt"));
            ps.setLong(11, e.auditEntry());
        }, "write " + entry);
    }

    @Override
    public void completeAct(UUID actId, Instant completedAt) {
        checkWritable();
        Objects.requireNonNull(actId, "actId");
        Objects.requireNonNull(completedAt, "completedAt");
        int updated = jdbc.update("UPDATE " + act + " SET completed_at_us = ? WHERE act_id = ? AND completed_at_us IS NULL",
                ps -> {
                    ps.setLong(1, Rows.micros(completedAt, "completedAt"));
                    ps.setString(2, actId.toString());
                }, "complete " + act);
        if (updated == 0) {
            throw new IllegalStateException("destruction act " + actId + " is not open");
        }
    }

    private void requireOpen(UUID actId) {
        Objects.requireNonNull(actId, "actId");
        Optional<Boolean> open = jdbc.queryOne("SELECT completed_at_us FROM " + act + " WHERE act_id = ?",
                ps -> ps.setString(1, actId.toString()), rs -> {
                    rs.getLong(1);
                    return rs.wasNull();
                }, "read " + act);
        if (!open.orElse(false)) {
            throw new IllegalStateException("destruction act " + actId + " is not open");
        }
    }

    @Override
    public Optional<DestructionAct> act(UUID actId) {
        Objects.requireNonNull(actId, "actId");
        return withEntries(headers(" WHERE act_id = ?", ps -> ps.setString(1, actId.toString()))).stream().findFirst();
    }

    @Override
    public List<DestructionAct> acts() {
        return withEntries(headers(" ORDER BY started_at_us, act_id", ps -> { }));
    }

    @Override
    public List<UUID> purgeActs(Instant cutoff) {
        checkWritable();
        Objects.requireNonNull(cutoff, "cutoff");
        List<String> ids = jdbc.query("SELECT act_id FROM " + act + " WHERE completed_at_us < ? ORDER BY act_id",
                ps -> ps.setLong(1, Rows.micros(cutoff, "cutoff")), rs -> rs.getString(1), "read " + act);
        for (int from = 0; from < ids.size(); from += JdbcUnit.SET_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + JdbcUnit.SET_CHUNK));
            jdbc.update("DELETE FROM " + entry + " WHERE " + jdbc.dialect().inSet("act_id"),
                    ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk), "delete from " + entry);
            jdbc.update("DELETE FROM " + act + " WHERE " + jdbc.dialect().inSet("act_id"),
                    ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk), "delete from " + act);
        }
        return ids.stream().map(UUID::fromString).toList();
    }

    private List<DestructionAct> headers(String tail, Jdbc.Binder binder) {
        return jdbc.query("SELECT " + ACT_COLUMNS + " FROM " + act + tail, binder, JdbcRetentionStore::header,
                "read " + act);
    }

    /** Reads the entries of the given acts in one statement per chunk of ids. */
    private List<DestructionAct> withEntries(List<DestructionAct> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, List<ActEntry>> entries = new HashMap<>();
        List<String> ids = headers.stream().map(h -> h.id().toString()).toList();
        for (int from = 0; from < ids.size(); from += JdbcUnit.SET_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + JdbcUnit.SET_CHUNK));
            jdbc.stream("SELECT " + ENTRY_COLUMNS + " FROM " + entry + " WHERE " + jdbc.dialect().inSet("act_id")
                            + " ORDER BY act_id, entry_no",
                    ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, chunk),
                    rs -> Map.entry(UUID.fromString(rs.getString(1)), entry(rs)),
                    e -> entries.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()),
                    "read " + entry);
        }
        return headers.stream().map(h -> new DestructionAct(h.id(), h.operator(), h.operatorAddress(), h.processor(),
                h.system(), h.performedBy(), h.signatory(), h.startedAt(), h.completedAt(),
                entries.getOrDefault(h.id(), List.of()))).toList();
    }

    private static DestructionAct header(ResultSet rs) throws SQLException {
        String signatoryName = rs.getString(8);
        String signatoryPosition = rs.getString(9);
        long completed = rs.getLong(11);
        Optional<Instant> completedAt = rs.wasNull() ? Optional.empty() : Optional.of(Rows.instant(completed));
        return new DestructionAct(UUID.fromString(rs.getString(1)), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)), rs.getString(5),
                new Actor(Actor.Kind.valueOf(rs.getString(6)), Optional.ofNullable(rs.getString(7))),
                signatoryName == null ? Optional.empty() : Optional.of(new Signatory(signatoryName, signatoryPosition)),
                Rows.instant(rs.getLong(10)), completedAt, List.of());
    }

    private static ActEntry entry(ResultSet rs) throws SQLException {
        List<KeyedHash> refs = Arrays.stream(rs.getString(8).split(" ")).map(KeyedHash::new).toList();
        return new ActEntry(rs.getInt(2), PolicyId.of(rs.getString(3)), PurposeId.of(rs.getString(4)), CategoryId.of(rs.getString(5)),
                DisposalAction.valueOf(rs.getString(6)), rs.getString(7), refs, rs.getInt(9),
                Rows.instant(rs.getLong(10)), rs.getLong(11));
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Runs one statement as a JDBC batch over the rows: one round trip per batch, not per row. */
    private <T> void batch(String sql, Collection<T> rows, RowBinder<T> binder, String what) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.flush();
        try (PreparedStatement ps = jdbc.connection().prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw jdbc.failure(e, what);
        }
    }
}
