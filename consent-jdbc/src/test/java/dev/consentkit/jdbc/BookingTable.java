package dev.consentkit.jdbc;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.retention.DisposalBatch;
import dev.consentkit.core.retention.RetentionTarget;
import dev.consentkit.core.spi.StorageTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
