package dev.consentkit.jdbc.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A unit of work on the host's bound connection, inside the host's transaction: a writing unit runs
 * under a savepoint (so a failed unit leaves the host's own work intact); the host commits, rolls back
 * and closes. Not API.
 */
final class JoinedLease implements ConnectionSource.Lease {
    private final Connection connection;
    private final Savepoint savepoint;

    private JoinedLease(Connection connection, Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    /**
     * @param connection the host's connection
     * @param readOnly whether the unit only reads (it then takes no savepoint)
     * @return the lease
     * @throws SQLException if the connection is in auto-commit mode (no transaction to join) or the
     *                      savepoint fails
     */
    static JoinedLease join(Connection connection, boolean readOnly) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new SQLException("the bound host connection is in auto-commit mode: start a transaction first");
        }
        return new JoinedLease(connection, readOnly ? null : connection.setSavepoint());
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean ownsTransaction() {
        return false;
    }

    @Override
    public void commit() throws SQLException {
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (savepoint != null) {
            connection.rollback(savepoint);
        }
    }

    @Override
    public void close() {
        // the host owns the connection and its transaction
    }
}
