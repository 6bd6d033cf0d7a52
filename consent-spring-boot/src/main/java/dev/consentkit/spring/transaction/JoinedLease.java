package dev.consentkit.spring.transaction;

import dev.consentkit.jdbc.spi.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work inside a Spring transaction: the savepoint lease of {@link ConnectionSource#join},
 * plus the release of the connection to Spring and, for a writing unit that ended well, the action
 * after the transaction's commit. Not thread-safe.
 */
final class JoinedLease implements ConnectionSource.Lease {
    private final ConnectionSource.Lease joined;
    private final Runnable afterCommit;
    private final Release release;

    /** How the connection goes back: to Spring's holder, or the proxy closed. */
    @FunctionalInterface
    interface Release {
        void release() throws SQLException;
    }

    /**
     * @param joined the savepoint lease
     * @param afterCommit run after the Spring transaction commits; null for a reading unit
     * @param release gives the connection back without closing what Spring manages
     */
    JoinedLease(ConnectionSource.Lease joined, Runnable afterCommit, Release release) {
        this.joined = joined;
        this.afterCommit = afterCommit;
        this.release = release;
    }

    @Override
    public Connection connection() {
        return joined.connection();
    }

    @Override
    public boolean ownsTransaction() {
        return false;
    }

    @Override
    public void commit() throws SQLException {
        joined.commit();
        if (afterCommit != null) {
            AfterCommit.register(afterCommit);
        }
    }

    @Override
    public void rollback() throws SQLException {
        joined.rollback();
    }

    @Override
    public void close() throws SQLException {
        release.release();
    }
}
