package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.register.BreachDeadline;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachId;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachNotification;
import dev.consentkit.core.register.BreachRisk;
import dev.consentkit.core.register.BreachStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The breach register on JDBC (schema v3): {@code <prefix>breach} holds one updatable row per incident
 * (optimistic revision), {@code <prefix>breach_deadline} its deadlines and {@code <prefix>breach_notice}
 * its notifications; both are insert-only and nothing is ever deleted. All SQL of the store is here.
 * Not API. Not thread-safe: one per unit of work.
 */
final class JdbcBreachStore implements BreachStore {
    private static final String DETAIL_COLUMNS = "description, categories, purposes, approx_subjects, approx_records,"
            + " consequences, measures, causes, contact_point, investigation, caused_by, risk, encrypted";
    private static final String BREACH_COLUMNS = "breach_id, revision, detected_at_us, aware_at_us, recorded_at_us,"
            + " updated_at_us, " + DETAIL_COLUMNS;
    private static final String DEADLINE_COLUMNS = "breach_id, jurisdiction, clock, due_at_us, source";
    private static final String NOTICE_COLUMNS = "breach_id, jurisdiction, clock, sent_at_us, recorded_at_us, reference,"
            + " delay_reason, actor_kind, actor_id";
    /** Longest joined list of category or purpose ids. */
    private static final int MAX_IDS = 2000;

    private final Jdbc jdbc;
    private final String prefix;
    private final Runnable checkWritable;
    private final String insert;
    private final String update;
    private final String byId;
    private final String all;
    private final String deadlineInsert;
    private final String deadlinesOf;
    private final String deadlinesAll;
    private final String noticeInsert;
    private final String noticesOf;

    /**
     * @param jdbc the unit's statement runner
     * @param prefix the validated table prefix
     * @param checkWritable throws if the unit is read-only
     */
    JdbcBreachStore(Jdbc jdbc, String prefix, Runnable checkWritable) {
        this.jdbc = jdbc;
        this.prefix = prefix;
        this.checkWritable = checkWritable;
        String breach = prefix + "breach";
        String deadline = prefix + "breach_deadline";
        String notice = prefix + "breach_notice";
        insert = "INSERT INTO " + breach + " (" + BREACH_COLUMNS + ") VALUES (" + marks(19) + ")";
        update = "UPDATE " + breach + " SET revision = ?, updated_at_us = ?, description = ?, categories = ?,"
                + " purposes = ?, approx_subjects = ?, approx_records = ?, consequences = ?, measures = ?, causes = ?,"
                + " contact_point = ?, investigation = ?, caused_by = ?, risk = ?, encrypted = ?"
                + " WHERE breach_id = ? AND revision = ?";
        byId = "SELECT " + BREACH_COLUMNS + " FROM " + breach + " WHERE breach_id = ?";
        all = "SELECT " + BREACH_COLUMNS + " FROM " + breach + " ORDER BY aware_at_us, breach_id";
        deadlineInsert = "INSERT INTO " + deadline + " (" + DEADLINE_COLUMNS + ") VALUES (" + marks(5) + ")";
        deadlinesOf = "SELECT " + DEADLINE_COLUMNS + " FROM " + deadline + " WHERE breach_id = ?";
        deadlinesAll = "SELECT " + DEADLINE_COLUMNS + " FROM " + deadline;
        noticeInsert = "INSERT INTO " + notice + " (" + NOTICE_COLUMNS + ") VALUES (" + marks(9) + ")";
        noticesOf = "SELECT " + NOTICE_COLUMNS + " FROM " + notice
                + " WHERE breach_id = ? ORDER BY sent_at_us, jurisdiction, clock";
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    @Override
    public void add(BreachIncident incident) {
        checkWritable.run();
        Objects.requireNonNull(incident, "incident");
        if (incident.revision() != 1) {
            throw new IllegalArgumentException("a new breach has revision 1");
        }
        // a duplicate id fails on the primary key: a ConcurrentUpdateException
        jdbc.update(insert, ps -> {
            ps.setString(1, incident.id().value());
            ps.setInt(2, incident.revision());
            ps.setLong(3, micros(incident.detectedAt(), "detectedAt"));
            ps.setLong(4, micros(incident.awareAt(), "awareAt"));
            ps.setLong(5, micros(incident.recordedAt(), "recordedAt"));
            ps.setLong(6, micros(incident.updatedAt(), "updatedAt"));
            bindDetails(ps, 7, incident.details());
        }, "add to " + prefix + "breach");
        for (BreachDeadline d : incident.deadlines()) {
            jdbc.update(deadlineInsert, ps -> {
                ps.setString(1, incident.id().value());
                ps.setString(2, d.jurisdiction());
                ps.setString(3, d.clock());
                ps.setLong(4, micros(d.dueAt(), "dueAt"));
                ps.setString(5, d.source());
            }, "add to " + prefix + "breach_deadline");
        }
    }

    @Override
    public boolean update(BreachIncident incident) {
        checkWritable.run();
        Objects.requireNonNull(incident, "incident");
        return jdbc.update(update, ps -> {
            ps.setInt(1, incident.revision());
            ps.setLong(2, micros(incident.updatedAt(), "updatedAt"));
            int i = bindDetails(ps, 3, incident.details());
            ps.setString(i, incident.id().value());
            ps.setInt(i + 1, incident.revision() - 1);
        }, "update " + prefix + "breach") == 1;
    }

    @Override
    public Optional<BreachIncident> find(BreachId id) {
        Objects.requireNonNull(id, "id");
        Optional<Row> row = jdbc.queryOne(byId, ps -> ps.setString(1, id.value()), JdbcBreachStore::row,
                "read " + prefix + "breach");
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<BreachDeadline> deadlines = jdbc.query(deadlinesOf, ps -> ps.setString(1, id.value()),
                JdbcBreachStore::deadline, "read " + prefix + "breach_deadline");
        return Optional.of(row.get().incident(deadlines));
    }

    @Override
    public List<BreachIncident> list() {
        List<Row> rows = jdbc.query(all, ps -> { }, JdbcBreachStore::row, "read " + prefix + "breach");
        Map<String, List<BreachDeadline>> deadlines = new HashMap<>();
        jdbc.stream(deadlinesAll, ps -> { }, rs -> Map.entry(rs.getString("breach_id"), deadline(rs)),
                e -> deadlines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()),
                "read " + prefix + "breach_deadline");
        return rows.stream().map(r -> r.incident(deadlines.getOrDefault(r.id(), List.of()))).toList();
    }

    @Override
    public void addNotification(BreachNotification n) {
        checkWritable.run();
        Objects.requireNonNull(n, "notification");
        if (jdbc.queryOne(byId, ps -> ps.setString(1, n.breach().value()), rs -> Boolean.TRUE,
                "read " + prefix + "breach").isEmpty()) {
            throw new IllegalArgumentException("breach " + n.breach() + " is not recorded");
        }
        // a second notification of the same clock fails on the primary key: a ConcurrentUpdateException
        jdbc.update(noticeInsert, ps -> {
            ps.setString(1, n.breach().value());
            ps.setString(2, n.jurisdiction());
            ps.setString(3, n.clock());
            ps.setLong(4, micros(n.sentAt(), "sentAt"));
            ps.setLong(5, micros(n.recordedAt(), "recordedAt"));
            ps.setString(6, n.reference());
            text(ps, 7, n.delayReason());
            ps.setString(8, n.recordedBy().kind().name());
            text(ps, 9, n.recordedBy().id());
        }, "add to " + prefix + "breach_notice");
    }

    @Override
    public List<BreachNotification> notifications(BreachId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.query(noticesOf, ps -> ps.setString(1, id.value()), rs -> new BreachNotification(
                BreachId.of(rs.getString("breach_id")), rs.getString("jurisdiction"), rs.getString("clock"),
                instant(rs.getLong("sent_at_us")), instant(rs.getLong("recorded_at_us")), rs.getString("reference"),
                Optional.ofNullable(rs.getString("delay_reason")),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), Optional.ofNullable(rs.getString("actor_id")))),
                "read " + prefix + "breach_notice");
    }

    /** Binds the detail columns from {@code i}; returns the next index. */
    private static int bindDetails(PreparedStatement ps, int i, BreachDetails d) throws SQLException {
        ps.setString(i, d.description());
        ps.setString(i + 1, ids(d.categories().stream().map(CategoryId::value).toList()));
        ps.setString(i + 2, ids(d.purposes().stream().map(PurposeId::value).toList()));
        number(ps, i + 3, d.approxSubjects());
        number(ps, i + 4, d.approxRecords());
        text(ps, i + 5, d.likelyConsequences());
        text(ps, i + 6, d.measuresTaken());
        text(ps, i + 7, d.presumedCauses());
        text(ps, i + 8, d.contactPoint());
        text(ps, i + 9, d.investigationResults());
        text(ps, i + 10, d.causedBy());
        ps.setString(i + 11, d.risk().name());
        ps.setBoolean(i + 12, d.encryptedWithUncompromisedKeys());
        return i + 13;
    }

    /** Ids never contain a comma (they are lower-case codes); none is an empty string. */
    private static String ids(List<String> ids) {
        String joined = String.join(",", ids);
        if (joined.length() > MAX_IDS) {
            throw new IllegalArgumentException("a breach names too many categories or purposes (at most "
                    + MAX_IDS + " characters joined)");
        }
        return joined;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static void text(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static void number(PreparedStatement ps, int i, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(i, value.getAsLong());
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    private static OptionalLong number(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static long micros(Instant t, String what) {
        if (t.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(what + " has sub-microsecond precision; stores keep microseconds");
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static BreachDeadline deadline(ResultSet rs) throws SQLException {
        return new BreachDeadline(rs.getString("jurisdiction"), rs.getString("clock"), instant(rs.getLong("due_at_us")),
                rs.getString("source"));
    }

    private static Row row(ResultSet rs) throws SQLException {
        BreachDetails details = new BreachDetails(rs.getString("description"),
                split(rs.getString("categories")).stream().map(CategoryId::of).collect(Collectors.toSet()),
                split(rs.getString("purposes")).stream().map(PurposeId::of).collect(Collectors.toSet()),
                number(rs, "approx_subjects"), number(rs, "approx_records"),
                Optional.ofNullable(rs.getString("consequences")), Optional.ofNullable(rs.getString("measures")),
                Optional.ofNullable(rs.getString("causes")), Optional.ofNullable(rs.getString("contact_point")),
                Optional.ofNullable(rs.getString("investigation")), Optional.ofNullable(rs.getString("caused_by")),
                BreachRisk.valueOf(rs.getString("risk")), rs.getBoolean("encrypted"));
        return new Row(rs.getString("breach_id"), rs.getInt("revision"), instant(rs.getLong("detected_at_us")),
                instant(rs.getLong("aware_at_us")), instant(rs.getLong("recorded_at_us")),
                instant(rs.getLong("updated_at_us")), details);
    }

    /** A breach row before its deadlines are attached. */
    private record Row(String id, int revision, Instant detectedAt, Instant awareAt, Instant recordedAt,
                       Instant updatedAt, BreachDetails details) {
        BreachIncident incident(List<BreachDeadline> deadlines) {
            return new BreachIncident(BreachId.of(id), revision, detectedAt, awareAt, recordedAt, updatedAt, details,
                    deadlines);
        }
    }
}
