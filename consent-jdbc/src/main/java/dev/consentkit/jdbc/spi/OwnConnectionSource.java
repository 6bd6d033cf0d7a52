package dev.consentkit.jdbc.spi;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Each unit of work owns a pooled connection and its transaction, whatever the pool's auto-commit
 * setting. A writing unit turns auto-commit off only if it was on and back on before returning the
 * connection; a reading unit leaves the connection's transaction state alone (never
 * {@code setAutoCommit}, {@code commit} or {@code rollback}). Not API.
 */
final class OwnConnectionSource implements ConnectionSource {
    private final DataSource dataSource;

    /**
     * @param dataSource the host's pool
     */
    OwnConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Lease acquire(boolean readOnly) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (readOnly) {
                return new OwnLease(c, false, true);
            }
            boolean turnedOff = c.getAutoCommit();
            if (turnedOff) {
                c.setAutoCommit(false);
            }
            return new OwnLease(c, turnedOff, false);
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
        private final boolean restoreAutoCommit;
        private final boolean readOnly;

        OwnLease(Connection connection, boolean restoreAutoCommit, boolean readOnly) {
            this.connection = connection;
            this.restoreAutoCommit = restoreAutoCommit;
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
                if (restoreAutoCommit) {
                    connection.setAutoCommit(true);
                }
            } finally {
                connection.close();
            }
        }
    }
}
