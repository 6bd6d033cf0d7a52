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
     * @param readOnly whether the unit only reads
     * @param savepoint whether to set a JDBC savepoint now; without, the caller keeps the unit's writes
     *                  revocable itself (the JDBC store sets its savepoint by SQL with its first statement)
     * @return the lease
     * @throws SQLException if the connection is in auto-commit mode or the savepoint fails
     */
    static JoinedLease join(Connection connection, boolean readOnly, boolean savepoint) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new SQLException("the bound host connection is in auto-commit mode: start a transaction first");
        }
        return new JoinedLease(connection, !readOnly && savepoint ? connection.setSavepoint() : null);
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
