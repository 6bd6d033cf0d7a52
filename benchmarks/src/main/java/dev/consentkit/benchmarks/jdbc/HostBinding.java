package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.jdbc.JdbcStorage;
import java.sql.Connection;

/**
 * The one place where the host-load benchmarks join the host's transaction, so that measuring the
 * same workload on another binding API is a one-line change here.
 *
 * <p>Today: the thread-wide {@code HostTransaction.bind(Connection)}, which every storage built with
 * the default connection source joins (named in full, without an import, so that the switch is one
 * line). After issue 13's redesign the line becomes {@code return storage.bind(connection);}, a
 * binding that only that storage joins.
 */
final class HostBinding {
    private HostBinding() {
    }

    /**
     * @param storage the storage whose units of work are to join the host's transaction (today's
     *                thread-wide binding does not need it)
     * @param connection the host's connection, auto-commit off
     * @return the binding; closing it unbinds
     * @throws IllegalStateException if a connection is bound already
     */
    static AutoCloseable bind(JdbcStorage storage, Connection connection) {
        return dev.consentkit.jdbc.HostTransaction.bind(connection);
    }
}
