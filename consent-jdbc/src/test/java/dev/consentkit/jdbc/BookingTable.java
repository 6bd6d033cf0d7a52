package dev.consentkit.jdbc;

import dev.consentkit.core.EventName;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.retention.DisposalBatch;
import dev.consentkit.core.retention.RetentionTarget;
import dev.consentkit.core.spi.StorageTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import dev.consentkit.core.retention.RetentionEngine;

/**
 * A host's booking table as a retention target, the way a JDBC host writes one: on the unit of work's
 * connection ({@link JdbcStorage#connection}), one set-based statement per table per batch. Before
 * deleting it copies the ids into {@code crm_disposal_log}, in the same transaction, so a test can
 * prove no booking was disposed of twice. Thread-safe (stateless).
 */
final class BookingTable implements RetentionTarget {
    static final String DDL_BOOKING = "CREATE TABLE crm_booking (id VARCHAR(64) PRIMARY KEY, client_id VARCHAR(128) NOT NULL,"
            + " notes VARCHAR(200))";
    static final String DDL_LOG = "CREATE TABLE crm_disposal_log (booking_id VARCHAR(64) NOT NULL)";

    /** Installs the kit's schema (prefix {@code ck_}) and the host's two tables. */
    static void install(DataSource ds) throws SQLException {
        SchemaInstaller.of(ds, "ck_").install();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(DDL_BOOKING);
            st.execute(DDL_LOG);
        }
    }

    /** Inserts {@code n} bookings of seven clients and records each one's {@code order.closed} event at {@code closed}. */
    static void bookings(DataSource ds, RetentionEngine retention, int n, Instant closed) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO crm_booking (id, client_id, notes) VALUES (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, "booking-" + i);
                ps.setString(2, "client-" + (i % 7));
                ps.setString(3, "window seat");
                ps.addBatch();
            }
            ps.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        for (int i = 0; i < n; i++) {
            retention.recordEvent(SubjectId.of("client-" + (i % 7)), EventName.of("order.closed"), "booking-" + i, closed);
        }
    }

    /** @return the single number a {@code SELECT COUNT(...)} answers */
    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public int dispose(DisposalBatch batch, StorageTransaction tx) {
        Connection c = JdbcStorage.connection(tx);
        List<String> ids = batch.recordRefs();
        List<String> clients = batch.wholeSubjects().stream().map(SubjectId::value).toList();
        String where = "id IN (" + marks(ids.size()) + ") OR client_id IN (" + marks(clients.size()) + ")";
        List<String> values = new ArrayList<>(ids);
        values.addAll(clients);
        try {
            update(c, "INSERT INTO crm_disposal_log (booking_id) SELECT id FROM crm_booking WHERE " + where, values);
            return update(c, "DELETE FROM crm_booking WHERE " + where, values);
        } catch (SQLException e) {
            throw new IllegalStateException("deleting bookings failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static String marks(int n) {
        // an empty IN () is not SQL; no value matches the empty string id
        return n == 0 ? "''" : String.join(", ", Collections.nCopies(n, "?"));
    }

    private static int update(Connection c, String sql, List<String> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            return ps.executeUpdate();
        }
    }
}
