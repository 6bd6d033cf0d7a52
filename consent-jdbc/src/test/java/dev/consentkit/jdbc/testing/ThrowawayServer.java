package dev.consentkit.jdbc.testing;

/**
 * A database server this JVM starts in a throwaway directory and stops when it is done. {@link
 * Servers} holds the JVM's only instance of each. Thread-safe once started.
 */
sealed interface ThrowawayServer extends AutoCloseable permits PostgresServer, MariaDbServer {

    /**
     * Initializes a data directory, launches the server and waits for it to accept connections.
     * Called once. Whatever it made before failing is removed by {@link #close()}.
     *
     * @throws IllegalStateException if the server cannot be started; the message carries the tail
     *     of the failing program's log
     */
    void start();

    /**
     * @return a new, empty database, owned by the unprivileged test user
     * @throws IllegalStateException if the server refuses to create it
     */
    TestDatabase freshDatabase();

    /**
     * Stops the server and deletes its directory. Idempotent; reports problems on {@code
     * System.err} instead of throwing, since it runs while the JVM exits.
     */
    @Override
    void close();
}
