package dev.consentkit.jdbc.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a unit of work gets its connection, and who owns the transaction.
 *
 * <ul>
 *   <li>Default (no source set on {@link dev.consentkit.jdbc.JdbcStorage.Builder}): each unit takes a connection from the
 *       host's pool and commits its own transaction — unless the host bound its connection to that
 *       storage with {@link dev.consentkit.jdbc.JdbcStorage#bind(Connection)}: then the unit joins the host's transaction
 *       (under a savepoint) and the host commits or rolls back both.</li>
 *   <li>{@link #ownTransactions(DataSource)}: always the kit's own transactions; the storage cannot be
 *       bound.</li>
 *   <li>A host with its own transaction manager implements this interface (a few lines around its
 *       "current connection" lookup: {@link #join} when a transaction is active, {@link #ownTransactions}
 *       otherwise) and says, through {@link Lease#ownsTransaction()}, whether a lease joined the host's
 *       transaction. The {@code consent-spring-boot} module has one for Spring's transactions.</li>
 * </ul>
 *
 * <p><b>The trap of a transaction-aware {@code DataSource}.</b> A proxy that hands out the host's
 * current transactional connection from {@code getConnection()} (Spring's
 * {@code TransactionAwareDataSourceProxy}) cannot be told apart from a pool: JDBC shows the same
 * {@code Connection}. Given to {@link #ownTransactions} — or as the pool of the default source, whose
 * read audits and audit sequencing always use transactions of their own — it makes ConsentKit commit
 * the host's half-finished transaction. Give ConsentKit the pool itself, and join through
 * {@link dev.consentkit.jdbc.JdbcStorage#bind} or a source of your own.
 *
 * <p>Implementations are thread-safe.
 */
public interface ConnectionSource {

    /**
     * @param readOnly whether the unit only reads
     * @return a lease on a connection for one unit of work
     * @throws SQLException if no connection can be had
     */
    Lease acquire(boolean readOnly) throws SQLException;

    /**
     * Units of work that own their transactions, whatever the pool's auto-commit setting: a writing
     * unit turns auto-commit off only if it was on, commits or rolls back, and turns it back on before
     * returning the connection; a reading unit changes nothing (with auto-commit off, the pool ends its
     * read transaction when the connection is returned, as HikariCP does). See the trap above.
     *
     * @param dataSource the host's pool
     * @return a source whose units of work own their transactions
     */
    static ConnectionSource ownTransactions(DataSource dataSource) {
        return new OwnConnectionSource(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A lease that joins the host's transaction on {@code connection}, for a source of the host's own
     * (a transaction manager's "current connection"): a writing unit runs under a savepoint, so a
     * failed unit leaves the host's work intact; {@link Lease#commit()} releases the savepoint,
     * {@link Lease#rollback()} rolls back to it, {@link Lease#close()} does nothing — the host commits,
     * rolls back and closes. {@link Lease#ownsTransaction()} is false.
     *
     * @param connection the host's connection, in a transaction (auto-commit off)
     * @param readOnly whether the unit only reads (it then takes no savepoint)
     * @return the lease
     * @throws SQLException if the connection is in auto-commit mode (there is no transaction to join)
     *     or the savepoint fails
     */
    static Lease join(Connection connection, boolean readOnly) throws SQLException {
        return JoinedLease.join(Objects.requireNonNull(connection, "connection"), readOnly, !readOnly);
    }

    /**
     * As {@link #join(Connection, boolean)}, with the choice of the savepoint left to the caller: a store
     * that sets its savepoint by SQL together with its first statement (one round trip fewer) passes
     * {@code false} and keeps the unit's writes revocable itself.
     *
     * @param connection the host's connection, in a transaction (auto-commit off)
     * @param readOnly whether the unit only reads
     * @param savepoint whether to set a JDBC savepoint now
     * @return the lease
     * @throws SQLException if the connection is in auto-commit mode or the savepoint fails
     */
    static Lease join(Connection connection, boolean readOnly, boolean savepoint) throws SQLException {
        return JoinedLease.join(Objects.requireNonNull(connection, "connection"), readOnly, savepoint);
    }

    /** One unit of work's use of a connection. Not thread-safe. */
    interface Lease extends AutoCloseable {
        /** @return the connection to run statements on */
        Connection connection();

        /**
         * @return whether the unit owns its transaction (commits it in {@link #commit()}); false when it
         *         joined the host's, which the host commits later. Default true.
         */
        default boolean ownsTransaction() {
            return true;
        }

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
