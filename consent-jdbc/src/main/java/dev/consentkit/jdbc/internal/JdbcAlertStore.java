package dev.consentkit.jdbc.internal;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.monitor.Acknowledgement;
import dev.consentkit.core.monitor.AlertRule;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.AlertStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Monitoring alerts in {@code <prefix>monitoring_alert} (schema v3), with all of their SQL. An alert
 * is inserted once; acknowledging it is one UPDATE guarded by {@code ack_at_us IS NULL}, so a second
 * acknowledgement changes nothing. Not API. Not thread-safe: one per unit of work.
 */
final class JdbcAlertStore implements AlertStore {
    /** {@code audit_seq} (named in v3) holds the audit entry id, equal to the sequence for rows written before v4. */
    private static final String COLUMNS = "id, rule_name, actor_kind, actor_id, raised_at_us, observed, threshold, "
            + "audit_seq, ack_kind, ack_id, ack_at_us, ack_note";
    private final Jdbc jdbc;
    private final String table;
    private final boolean writable;
    private final String insert;
    private final String find;
    private final String acknowledge;
    private final String open;
    private final String countOpen;

    JdbcAlertStore(Jdbc jdbc, String prefix, boolean writable) {
        this.jdbc = jdbc;
        this.table = prefix + "monitoring_alert";
        this.writable = writable;
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)";
        this.find = "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?";
        this.acknowledge = "UPDATE " + table + " SET ack_kind = ?, ack_id = ?, ack_at_us = ?, ack_note = ?"
                + " WHERE id = ? AND ack_at_us IS NULL";
        this.open = "SELECT " + COLUMNS + " FROM " + table + " WHERE ack_at_us IS NULL ORDER BY raised_at_us, id"
                + " LIMIT ?";
        this.countOpen = "SELECT COUNT(*) AS n FROM " + table + " WHERE ack_at_us IS NULL";
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only unit of work");
        }
    }

    @Override
    public void add(MonitoringAlert alert) {
        checkWritable();
        Objects.requireNonNull(alert, "alert");
        if (alert.isAcknowledged()) {
            throw new IllegalArgumentException("a new alert is not acknowledged yet");
        }
        long raised = Rows.micros(alert.raisedAt(), "raisedAt");
        String what = "insert into " + table;
        if (find(alert.id()).isPresent()) {
            throw new ConcurrentUpdateException("monitoring alert " + alert.id() + " is already stored", null);
        }
        jdbc.update(insert, ps -> {
            ps.setString(1, alert.id().toString());
            ps.setString(2, alert.rule().name());
            ps.setString(3, alert.principal().kind().name());
            ps.setString(4, alert.principal().id().orElseThrow());
            ps.setLong(5, raised);
            ps.setInt(6, alert.observed());
            ps.setInt(7, alert.threshold());
            ps.setLong(8, alert.auditEntry());
        }, what);
    }

    @Override
    public Optional<MonitoringAlert> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbc.queryOne(find, ps -> ps.setString(1, id.toString()), JdbcAlertStore::alert, "read " + table);
    }

    @Override
    public boolean acknowledge(UUID id, Acknowledgement ack) {
        checkWritable();
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ack, "ack");
        long at = Rows.micros(ack.at(), "acknowledgement time");
        return jdbc.update(acknowledge, ps -> {
            ps.setString(1, ack.by().kind().name());
            if (ack.by().id().isPresent()) {
                ps.setString(2, ack.by().id().get());
            } else {
                ps.setNull(2, Types.VARCHAR);
            }
            ps.setLong(3, at);
            ps.setString(4, ack.note());
            ps.setString(5, id.toString());
        }, "acknowledge in " + table) == 1;
    }

    @Override
    public List<MonitoringAlert> unacknowledged(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return jdbc.query(open, ps -> ps.setInt(1, limit), JdbcAlertStore::alert, "read " + table);
    }

    @Override
    public long countUnacknowledged() {
        return jdbc.queryOne(countOpen, ps -> { }, rs -> rs.getLong("n"), "count " + table).orElse(0L);
    }

    private static MonitoringAlert alert(ResultSet rs) throws SQLException {
        Optional<Acknowledgement> ack = Optional.empty();
        long ackAt = rs.getLong("ack_at_us");
        if (!rs.wasNull()) {
            ack = Optional.of(new Acknowledgement(new Actor(Actor.Kind.valueOf(rs.getString("ack_kind")),
                    Optional.ofNullable(rs.getString("ack_id"))), Rows.instant(ackAt), rs.getString("ack_note")));
        }
        return new MonitoringAlert(UUID.fromString(rs.getString("id").trim()), AlertRule.valueOf(rs.getString("rule_name")),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), Optional.of(rs.getString("actor_id"))),
                Rows.instant(rs.getLong("raised_at_us")), rs.getInt("observed"), rs.getInt("threshold"),
                rs.getLong("audit_seq"), ack);
    }
}
