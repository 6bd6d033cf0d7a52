package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;

/**
 * The one place where the host-load benchmarks join the host's transaction, so that measuring the
 * same workload on another binding API is a one-line change here.
 *
 * <p>Since issue 13: {@link JdbcStorage#bind(Connection)}, a binding that only that storage joins.
 * The "before" numbers in {@code benchmarks/host-load.md} were taken with the thread-wide
 * {@code HostTransaction.bind(Connection)} of schema v3 in this line.
 */
final class HostBinding {
    private HostBinding() {
    }

    /**
     * @param storage the storage whose units of work are to join the host's transaction
     * @param connection the host's connection, auto-commit off
     * @return the binding; closing it unbinds
     * @throws IllegalStateException if a connection is bound already
     */
    static AutoCloseable bind(JdbcStorage storage, Connection connection) {
        return storage.bind(connection);
    }
}
