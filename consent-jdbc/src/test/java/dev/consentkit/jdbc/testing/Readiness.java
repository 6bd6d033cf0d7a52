package dev.consentkit.jdbc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Waits, up to a deadline, for a starting server to accept JDBC connections. */
final class Readiness {
    /** How long a server may take from launch to its first accepted connection. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 100;

    /** How a wait ended when it did not time out. */
    enum Outcome {
        /** A connection was made. */
        READY,
        /** The server process ended first. */
        EXITED
    }

    private Readiness() {}

    /**
     * @param engine the server, for messages
     * @param process the server's process
     * @param admin connects to it
     * @param log the server's log, for messages
     * @return whether it became ready or ended first
     * @throws IllegalStateException if neither happened within {@link #LIMIT}; the message carries
     *     the last connection error and the log's tail
     */
    static Outcome await(Engine engine, Process process, DataSource admin, Path log) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        SQLException last = null;
        while (true) {
            if (!process.isAlive()) {
                return Outcome.EXITED;
            }
            try (Connection connection = admin.getConnection()) {
                if (connection.isValid(2)) {
                    return Outcome.READY;
                }
            } catch (SQLException e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(engine.displayName()
                        + " did not accept a connection within " + LIMIT.toSeconds()
                        + " s; last error: " + last
                        + ServerDirectory.tail(log));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for "
                        + engine.displayName(), e);
            }
        }
    }

    /**
     * @param log a server's log
     * @return whether it says the port was taken, which happens when another process grabs the free
     *     port between {@link FreePorts#onLoopback()} and the server's bind
     */
    static boolean portWasTaken(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .contains("Address already in use");
        } catch (IOException e) {
            return false;
        }
    }
}
