package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The baselines' statements: the text consent-jdbc runs for the default prefix {@code ck_}, copied
 * from its internal {@code Sql} class (which is not API), and the least row mapping that still gives
 * the same yes/no as the kit.
 */
final class RawSql {
    static final String STATE_COLUMNS = "subject_id, purpose_id, channel, asset_id, status, since_us, notice_id,"
            + " notice_version, notice_locale, notice_sha256, valid_until_us, seq, restricted, objected";
    static final String EVENT_COLUMNS = "event_id, subject_id, purpose_id, channel, asset_id, kind, occurred_at_us,"
            + " recorded_at_us, notice_id, notice_version, notice_locale, notice_sha256, method, form_id, ip_hash,"
            + " ua_hash, actor_kind, actor_id, guardian_id, attachment_ref, valid_until_us, idempotency_key,"
            + " request_digest";
    static final String ENTRY_COLUMNS = "time_us, actor_kind, actor_id, action, subject_ref, purpose_id, outcome,"
            + " reference, ledger_seq, ledger_digest, entry_mac";

    /** A single check: the projection rows of one subject and purpose. */
    static final String STATE_FIND = "SELECT " + STATE_COLUMNS + " FROM ck_projection WHERE subject_id = ? AND purpose_id = ?";
    /**
     * The audience filter on PostgreSQL: the projection rows of up to 10 000 subjects (or all) for one
     * purpose, the set bound first. On H2 this form compares every row of the purpose with every id
     * (see {@code benchmarks/jdbc.md}), so consent-jdbc runs {@link #STATE_FIND_ALL_JOIN} there.
     */
    static final String STATE_FIND_ALL = "SELECT " + STATE_COLUMNS + " FROM ck_projection WHERE subject_id = ANY(?) AND purpose_id = ?";
    /**
     * The audience filter as a join, each id looked up in an index: what consent-jdbc runs on H2
     * (its H2 dialect's set table); on PostgreSQL a comparison.
     */
    static final String STATE_FIND_ALL_JOIN = "SELECT p.subject_id, p.purpose_id, p.channel, p.asset_id, p.status,"
            + " p.since_us, p.notice_id, p.notice_version, p.notice_locale, p.notice_sha256, p.valid_until_us, p.seq,"
            + " p.restricted, p.objected FROM UNNEST(?) AS u(id) JOIN ck_projection p ON p.subject_id = u.id"
            + " WHERE p.purpose_id = ?";
    static final String LEDGER_INSERT = "INSERT INTO ck_ledger (" + EVENT_COLUMNS + ") VALUES (" + marks(23) + ")";
    static final String STATE_INSERT = "INSERT INTO ck_projection (" + STATE_COLUMNS + ") VALUES (" + marks(14) + ")";
    /** The pending audit entry a writer inserts; the kit's sequencer links it into the chain later. */
    static final String ENTRY_INSERT = "INSERT INTO ck_audit_entry (" + ENTRY_COLUMNS + ") VALUES (" + marks(11) + ")";
    static final String STATE_UPDATE = "UPDATE ck_projection SET status = ?, since_us = ?, notice_id = ?, notice_version = ?,"
            + " notice_locale = ?, notice_sha256 = ?, valid_until_us = ?, seq = ?, restricted = ?, objected = ?"
            + " WHERE subject_id = ? AND purpose_id = ? AND channel = ? AND asset_id = ?";

    /** Notice versions "1.x" are current: the catalogue's notice is at 1.0. */
    private static final String CURRENT_MAJOR = "1.";

    private RawSql() {
    }

    /**
     * Reads a row of {@link #STATE_FIND} or {@link #STATE_FIND_ALL} by column index, allocating
     * nothing but the driver's strings.
     *
     * @param rs a result set on a projection row
     * @param nowMicros the time of the check
     * @return whether the row is a whole-purpose consent that permits processing now: given or
     *         renewed, neither restricted nor objected, within its validity period, under the
     *         notice's current major version
     * @throws SQLException if the driver fails
     */
    static boolean permits(ResultSet rs, long nowMicros) throws SQLException {
        if (!rs.getString(3).isEmpty() || !rs.getString(4).isEmpty() || rs.getBoolean(13) || rs.getBoolean(14)) {
            return false;
        }
        String status = rs.getString(5);
        if (!"GIVEN".equals(status) && !"RENEWED_GIVEN".equals(status)) {
            return false;
        }
        long validUntil = rs.getLong(11);
        if (!rs.wasNull() && validUntil <= nowMicros) {
            return false;
        }
        String version = rs.getString(8);
        return version != null && version.startsWith(CURRENT_MAJOR);
    }

    /**
     * Binds a pending audit entry to {@link #ENTRY_INSERT}, as consent-jdbc stores it.
     *
     * @param ps the statement
     * @param e the event
     * @param ledger the ledger row it binds
     * @param mac its entry MAC
     * @throws SQLException if the driver fails
     */
    static void bindEntry(PreparedStatement ps, AuditEvent e, LedgerBinding ledger, String mac) throws SQLException {
        ps.setLong(1, JdbcBenchCatalog.micros(e.time()));
        ps.setString(2, e.actor().kind().name());
        ps.setString(3, e.actor().id().orElse(null));
        ps.setString(4, e.action().code());
        ps.setString(5, e.subjectRef().map(KeyedHash::value).orElse(null));
        ps.setString(6, e.purpose().map(PurposeId::value).orElse(null));
        ps.setString(7, e.outcome().name());
        ps.setString(8, e.reference().orElse(null));
        ps.setLong(9, ledger.sequence());
        ps.setString(10, ledger.digest());
        ps.setString(11, mac);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
