package dev.consentkit.jdbc;

import dev.consentkit.jdbc.internal.JoiningConnectionSource;
import dev.consentkit.jdbc.internal.OwnConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a unit of work gets its connection, and who owns the transaction.
 *
 * <ul>
 *   <li>{@link #ownTransactions(DataSource)}: each unit of work takes a connection from the host's
 *       pool and commits or rolls back its own transaction.</li>
 *   <li>{@link #joining(DataSource)}: a unit of work run while the host has bound its connection
 *       with {@link HostTransaction#bind} joins the host's transaction (under a savepoint, so a
 *       failed unit leaves the host's own work intact); the host commits or rolls back both. Without
 *       a bound connection it owns its transaction as above.</li>
 * </ul>
 *
 * <p>A host with its own transaction manager implements this interface (a few lines around its
 * "current connection" lookup). Implementations are thread-safe.
 */
public interface ConnectionSource {

    /**
     * @param readOnly whether the unit only reads
     * @return a lease on a connection for one unit of work
     * @throws SQLException if no connection can be had
     */
    Lease acquire(boolean readOnly) throws SQLException;

    /**
     * @param dataSource the host's pool
     * @return a source whose units of work own their transactions
     */
    static ConnectionSource ownTransactions(DataSource dataSource) {
        return new OwnConnectionSource(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * @param dataSource the host's pool, used when no host connection is bound
     * @return a source that joins the transaction bound by {@link HostTransaction#bind}
     */
    static ConnectionSource joining(DataSource dataSource) {
        return new JoiningConnectionSource(ownTransactions(dataSource));
    }

    /** One unit of work's use of a connection. Not thread-safe. */
    interface Lease extends AutoCloseable {
        /** @return the connection to run statements on */
        Connection connection();

        /**
         * Ends the unit successfully: commits an owned transaction; releases the savepoint of a joined one.
         *
         * @throws SQLException if the commit fails
         */
        void commit() throws SQLException;

        /**
         * Undoes the unit: rolls back an owned transaction, or a joined one to its savepoint.
         *
         * @throws SQLException if the rollback fails
         */
        void rollback() throws SQLException;

        /**
         * Returns an owned connection to the pool; leaves a joined one to the host.
         *
         * @throws SQLException if closing fails
         */
        @Override
        void close() throws SQLException;
    }
}
