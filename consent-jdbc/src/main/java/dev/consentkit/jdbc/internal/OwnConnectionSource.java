package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Each unit of work owns a pooled connection and its transaction. Not API. */
public final class OwnConnectionSource implements ConnectionSource {
    private final DataSource dataSource;

    /**
     * @param dataSource the host's pool
     */
    public OwnConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Lease acquire(boolean readOnly) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            boolean autoCommit = c.getAutoCommit();
            // a read is one statement at a time on committed data: autocommit spares a commit round trip
            if (autoCommit == readOnly) {
                return new OwnLease(c, autoCommit, readOnly);
            }
            c.setAutoCommit(readOnly);
            return new OwnLease(c, autoCommit, readOnly);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "ownTransactions";
    }

    private static final class OwnLease implements Lease {
        private final Connection connection;
        private final boolean originalAutoCommit;
        private final boolean readOnly;

        OwnLease(Connection connection, boolean originalAutoCommit, boolean readOnly) {
            this.connection = connection;
            this.originalAutoCommit = originalAutoCommit;
            this.readOnly = readOnly;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public void commit() throws SQLException {
            if (!readOnly) {
                connection.commit();
            }
        }

        @Override
        public void rollback() throws SQLException {
            if (!readOnly) {
                connection.rollback();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (connection.getAutoCommit() != originalAutoCommit) {
                    connection.setAutoCommit(originalAutoCommit);
                }
            } finally {
                connection.close();
            }
        }
    }
}
