package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.RequestStore;
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
import java.util.stream.Collectors;

/**
 * The data-subject requests in {@code <prefix>request} (one row per request, its state, due times and
 * their calendar basis) and {@code <prefix>request_step} (its history, append-only). All SQL of this
 * store is here. Not API. Not thread-safe: one per unit of work.
 *
 * <p>Every write to a request row is a compare-and-set: an advance on the step count and the due
 * time, a redating on the step count, both due times and the basis.
 */
final class JdbcRequestStore implements RequestStore {
    private static final String REQUEST_COLUMNS = "request_id, subject_id, request_type, jurisdiction, received_at_us,"
            + " due_at_us, extended_due_at_us, current_due_us, state, is_open, steps, due_provisional, due_basis";
    private static final String STEP_COLUMNS = "request_id, step_no, state, at_us, actor_kind, actor_id, note, due_at_us,"
            + " extended_by_amount, extended_by_unit";
    /** The width of {@code due_basis}. */
    private static final int BASIS_LENGTH = 1000;
    private final Jdbc jdbc;
    private final boolean writable;
    private final String request;
    private final String step;
    private final String requestInsert;
    private final String stepInsert;
    private final String requestAdvance;
    private final String requestExtend;
    private final String requestRedate;
    private final String requestsProvisional;
    private final String requestById;
    private final String stepsById;
    private final String requestsBySubject;
    private final String stepsBySubject;
    private final String requestsDue;
    private final String stepsOfSet;

    /**
     * @param jdbc the unit's statement runner
     * @param prefix the validated table prefix
     * @param writable whether the unit may write
     */
    JdbcRequestStore(Jdbc jdbc, String prefix, boolean writable) {
        this.jdbc = jdbc;
        this.writable = writable;
        request = prefix + "request";
        step = prefix + "request_step";
        requestInsert = "INSERT INTO " + request + " (" + REQUEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        stepInsert = "INSERT INTO " + step + " (" + STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        requestAdvance = "UPDATE " + request + " SET state = ?, is_open = ?, steps = ?"
                + " WHERE request_id = ? AND steps = ? AND due_at_us = ?";
        requestExtend = "UPDATE " + request + " SET state = ?, is_open = ?, steps = ?, extended_due_at_us = ?,"
                + " current_due_us = ?, due_provisional = ?, due_basis = ? WHERE request_id = ? AND steps = ? AND due_at_us = ?";
        requestRedate = "UPDATE " + request + " SET due_at_us = ?, extended_due_at_us = ?, current_due_us = ?,"
                + " due_provisional = ?, due_basis = ? WHERE request_id = ? AND steps = ? AND due_at_us = ?"
                + " AND COALESCE(extended_due_at_us, -1) = ? AND due_basis = ?";
        String select = "SELECT " + REQUEST_COLUMNS + " FROM " + request;
        String stepSelect = "SELECT " + qualified("s", STEP_COLUMNS) + " FROM " + step + " s";
        requestById = select + " WHERE request_id = ?";
        stepsById = stepSelect + " WHERE s.request_id = ? ORDER BY s.step_no";
        requestsBySubject = select + " WHERE subject_id = ? ORDER BY received_at_us, request_id";
        stepsBySubject = stepSelect + " JOIN " + request + " r ON r.request_id = s.request_id WHERE r.subject_id = ?"
                + " ORDER BY s.request_id, s.step_no";
        requestsDue = select + " WHERE is_open = 1 AND current_due_us >= ? AND current_due_us <= ? ORDER BY current_due_us, request_id LIMIT ?";
        requestsProvisional = select + " WHERE due_provisional = 1 AND is_open = 1 AND request_id > ? ORDER BY request_id LIMIT ?";
        stepsOfSet = stepSelect + " WHERE " + jdbc.dialect().inSet("s.request_id") + " ORDER BY s.request_id, s.step_no";
    }

    private static String qualified(String alias, String columns) {
        return alias + "." + String.join(", " + alias + ".", columns.split(", "));
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    @Override
    public void add(SubjectRequest r) {
        checkWritable();
        Objects.requireNonNull(r, "request");
        if (r.history().size() != 1) {
            throw new IllegalArgumentException("a new request has its first step only");
        }
        jdbc.update(requestInsert, ps -> {
            ps.setString(1, r.id().toString());
            ps.setString(2, Rows.limited(r.subject().value(), "subject_id", SubjectId.MAX_LENGTH));
            ps.setString(3, r.type().name());
            ps.setString(4, r.jurisdiction());
            ps.setLong(5, Rows.micros(r.receivedAt(), "received_at"));
            ps.setLong(6, Rows.micros(r.dueAt(), "due_at"));
            setMicros(ps, 7, r.extendedDueAt(), "extended_due_at");
            ps.setLong(8, Rows.micros(r.currentDue(), "current_due"));
            ps.setString(9, r.state().name());
            ps.setInt(10, r.isOpen() ? 1 : 0);
            ps.setInt(11, 1);
            ps.setInt(12, r.isProvisional() ? 1 : 0);
            ps.setString(13, basis(r));
        }, "add to " + request);
        insertStep(r.id(), 1, r.history().get(0));
    }

    @Override
    public void advance(SubjectRequest next) {
        checkWritable();
        Objects.requireNonNull(next, "next");
        int steps = next.history().size();
        boolean extension = next.state() == RequestState.EXTENDED;
        // only an extension writes due times: any other step leaves those a redating may have stored
        int updated = jdbc.update(extension ? requestExtend : requestAdvance, ps -> {
            ps.setString(1, next.state().name());
            ps.setInt(2, next.isOpen() ? 1 : 0);
            ps.setInt(3, steps);
            int i = 4;
            if (extension) {
                setMicros(ps, i++, next.extendedDueAt(), "extended_due_at");
                ps.setLong(i++, Rows.micros(next.currentDue(), "current_due"));
                ps.setInt(i++, next.isProvisional() ? 1 : 0);
                ps.setString(i++, basis(next));
            }
            ps.setString(i++, next.id().toString());
            ps.setInt(i++, steps - 1);
            ps.setLong(i, Rows.micros(next.dueAt(), "due_at"));
        }, "advance in " + request);
        if (updated != 1) {
            throw new ConcurrentUpdateException("advance in " + request + ": request " + next.id()
                    + " was changed or removed by another writer", null);
        }
        insertStep(next.id(), steps, next.lastStep());
    }

    @Override
    public boolean redate(SubjectRequest read, SubjectRequest redated) {
        checkWritable();
        RequestStore.checkRedate(read, redated);
        String basis = basis(redated);
        return jdbc.update(requestRedate, ps -> {
            ps.setLong(1, Rows.micros(redated.dueAt(), "due_at"));
            setMicros(ps, 2, redated.extendedDueAt(), "extended_due_at");
            ps.setLong(3, Rows.micros(redated.currentDue(), "current_due"));
            ps.setInt(4, redated.isProvisional() ? 1 : 0);
            ps.setString(5, basis);
            ps.setString(6, read.id().toString());
            ps.setInt(7, read.history().size());
            ps.setLong(8, Rows.micros(read.dueAt(), "due_at"));
            ps.setLong(9, read.extendedDueAt().map(t -> Rows.micros(t, "extended_due_at")).orElse(-1L));
            ps.setString(10, basis(read));
        }, "redate in " + request) == 1;
    }

    @Override
    public List<SubjectRequest> openProvisional(Optional<RequestId> after, int limit) {
        Objects.requireNonNull(after, "after");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        // every id sorts after the empty text
        String from = after.map(RequestId::toString).orElse("");
        return withSteps(jdbc.query(requestsProvisional, ps -> {
            ps.setString(1, from);
            ps.setInt(2, limit);
        }, JdbcRequestStore::row, "read provisional requests in " + request), "of provisional requests");
    }

    private static String basis(SubjectRequest r) {
        return Rows.limited(r.dueBasis().stream().map(CalendarSource::toString).collect(Collectors.joining(" ")),
                "due_basis", BASIS_LENGTH);
    }

    private void insertStep(RequestId id, int number, RequestStep s) {
        jdbc.update(stepInsert, ps -> {
            ps.setString(1, id.toString());
            ps.setInt(2, number);
            ps.setString(3, s.state().name());
            ps.setLong(4, Rows.micros(s.at(), "step at"));
            ps.setString(5, s.actor().kind().name());
            setText(ps, 6, s.actor().id());
            setText(ps, 7, s.note());
            setMicros(ps, 8, s.dueAt(), "step due_at");
            if (s.extendedBy().isPresent()) {
                ps.setInt(9, s.extendedBy().get().amount());
                ps.setString(10, s.extendedBy().get().unit().name());
            } else {
                ps.setNull(9, Types.INTEGER);
                ps.setNull(10, Types.VARCHAR);
            }
        }, "add to " + step);
    }

    @Override
    public Optional<SubjectRequest> find(RequestId id) {
        Objects.requireNonNull(id, "id");
        Optional<Row> row = jdbc.queryOne(requestById, ps -> ps.setString(1, id.toString()), JdbcRequestStore::row,
                "read " + request);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<RequestStep> steps = jdbc.query(stepsById, ps -> ps.setString(1, id.toString()),
                rs -> stepRow(rs).step(), "read " + step);
        return Optional.of(row.get().request(steps));
    }

    @Override
    public List<SubjectRequest> forSubject(SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        List<Row> rows = jdbc.query(requestsBySubject, ps -> ps.setString(1, subject.value()), JdbcRequestStore::row,
                "read " + request + " by subject");
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<RequestStep>> steps = new HashMap<>();
        jdbc.stream(stepsBySubject, ps -> ps.setString(1, subject.value()), JdbcRequestStore::stepRow,
                s -> steps.computeIfAbsent(s.requestId(), k -> new ArrayList<>()).add(s.step()),
                "read " + step + " by subject");
        return assemble(rows, steps);
    }

    @Override
    public List<SubjectRequest> openDue(Instant notBefore, Instant notAfter, int limit) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        // whole microseconds that keep the range: the earliest rounded up, the latest down
        Instant from = notBefore.truncatedTo(ChronoUnit.MICROS);
        long low = Rows.micros(from.isBefore(notBefore) ? from.plus(1, ChronoUnit.MICROS) : from, "notBefore");
        long high = Rows.micros(notAfter.truncatedTo(ChronoUnit.MICROS), "notAfter");
        List<Row> rows = jdbc.query(requestsDue, ps -> {
            ps.setLong(1, low);
            ps.setLong(2, high);
            ps.setInt(3, limit);
        }, JdbcRequestStore::row, "read due requests in " + request);
        return withSteps(rows, "of due requests");
    }

    /** Reads the steps of a set of request rows in one query. */
    private List<SubjectRequest> withSteps(List<Row> rows, String what) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<RequestStep>> steps = new HashMap<>();
        List<String> ids = rows.stream().map(Row::id).toList();
        jdbc.stream(stepsOfSet, ps -> jdbc.dialect().bindSet(jdbc.connection(), ps, 1, ids), JdbcRequestStore::stepRow,
                s -> steps.computeIfAbsent(s.requestId(), k -> new ArrayList<>()).add(s.step()),
                "read " + step + " " + what);
        return assemble(rows, steps);
    }

    private static List<SubjectRequest> assemble(List<Row> rows, Map<String, List<RequestStep>> steps) {
        List<SubjectRequest> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.request(steps.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    /** A request row before its steps are read. */
    private record Row(String id, String subject, String type, String jurisdiction, long received, long due,
                       Optional<Instant> extendedDue, String state, String basis) {
        SubjectRequest request(List<RequestStep> steps) {
            List<CalendarSource> sources = basis.isEmpty() ? List.of()
                    : Arrays.stream(basis.split(" ")).map(CalendarSource::parse).toList();
            return new SubjectRequest(RequestId.of(id), SubjectId.of(subject), RequestType.valueOf(type), jurisdiction,
                    Rows.instant(received), Rows.instant(due), extendedDue, RequestState.valueOf(state), steps, sources);
        }
    }

    private record StepRow(String requestId, RequestStep step) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("request_id"), rs.getString("subject_id"), rs.getString("request_type"),
                rs.getString("jurisdiction"), rs.getLong("received_at_us"), rs.getLong("due_at_us"),
                optionalInstant(rs, "extended_due_at_us"), rs.getString("state"), rs.getString("due_basis"));
    }

    private static StepRow stepRow(ResultSet rs) throws SQLException {
        RequestStep s = new RequestStep(RequestState.valueOf(rs.getString("state")), Rows.instant(rs.getLong("at_us")),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), Optional.ofNullable(rs.getString("actor_id"))),
                Optional.ofNullable(rs.getString("note")), optionalInstant(rs, "due_at_us"), extendedBy(rs));
        return new StepRow(rs.getString("request_id"), s);
    }

    private static Optional<LegalPeriod> extendedBy(ResultSet rs) throws SQLException {
        int amount = rs.getInt("extended_by_amount");
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new LegalPeriod(amount, LegalPeriod.Unit.valueOf(rs.getString("extended_by_unit"))));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Rows.instant(v));
    }

    private static void setMicros(PreparedStatement ps, int i, Optional<Instant> value, String column)
            throws SQLException {
        if (value.isPresent()) {
            ps.setLong(i, Rows.micros(value.get(), column));
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    private static void setText(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }
}
