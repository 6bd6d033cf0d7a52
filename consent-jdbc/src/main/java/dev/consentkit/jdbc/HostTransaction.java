package dev.consentkit.jdbc;

import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds the host's connection (with its open transaction) to the current thread, so that
 * ConsentKit calls made meanwhile join that transaction when the storage uses
 * {@link ConnectionSource#joining}.
 *
 * <pre>{@code
 * try (Connection c = pool.getConnection()) {
 *     c.setAutoCommit(false);
 *     try (HostTransaction.Binding b = HostTransaction.bind(c)) {
 *         insertClient(c, client);                       // the host's own SQL
 *         kit.consent(client, NEWSLETTER).evidence(e).give(); // same transaction
 *     }
 *     c.commit();                                        // both, or neither on rollback
 * }
 * }</pre>
 *
 * <p>Thread-safe: each thread has its own binding.
 */
public final class HostTransaction {
    private static final ThreadLocal<Connection> BOUND = new ThreadLocal<>();

    private HostTransaction() {
    }

    /**
     * @param connection the host's connection, in a transaction ({@code autoCommit} off)
     * @return the binding; closing it unbinds
     * @throws IllegalStateException if a connection is already bound on this thread
     */
    public static Binding bind(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        if (BOUND.get() != null) {
            throw new IllegalStateException("a host connection is already bound to this thread");
        }
        BOUND.set(connection);
        return BOUND::remove;
    }

    /** @return the connection bound to the current thread, if any */
    public static Optional<Connection> current() {
        return Optional.ofNullable(BOUND.get());
    }

    /** An active binding; {@link #close()} unbinds. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        /** Unbinds the connection from the current thread. */
        @Override
        void close();
    }
}
