package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.ConnectionSource;
import dev.consentkit.jdbc.HostTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * Joins the host connection bound to the thread, under a savepoint; otherwise delegates. Not API.
 */
public final class JoiningConnectionSource implements ConnectionSource {
    private final ConnectionSource fallback;

    /**
     * @param fallback the source used when no host connection is bound
     */
    public JoiningConnectionSource(ConnectionSource fallback) {
        this.fallback = fallback;
    }

    @Override
    public Lease acquire(boolean readOnly) throws SQLException {
        Optional<Connection> bound = HostTransaction.current();
        if (bound.isEmpty()) {
            return fallback.acquire(readOnly);
        }
        Connection c = bound.get();
        if (c.getAutoCommit()) {
            throw new SQLException("the bound host connection is in auto-commit mode: start a transaction first");
        }
        return new JoinedLease(c, readOnly ? null : c.setSavepoint());
    }

    @Override
    public String toString() {
        return "joining(" + fallback + ")";
    }

    private static final class JoinedLease implements Lease {
        private final Connection connection;
        private final Savepoint savepoint;

        JoinedLease(Connection connection, Savepoint savepoint) {
            this.connection = connection;
            this.savepoint = savepoint;
        }

        @Override
        public Connection connection() {
            return connection;
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
}
