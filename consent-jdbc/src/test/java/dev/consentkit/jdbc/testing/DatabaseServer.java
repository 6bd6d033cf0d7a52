package dev.consentkit.jdbc.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real database server for integration tests, as a JUnit 5 extension that hands out fresh,
 * empty databases.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DatabaseServer POSTGRES = DatabaseServer.postgres();
 *
 * @Test
 * void storesAConsent() throws SQLException {
 *     DataSource dataSource = POSTGRES.freshDatabase().dataSource();
 *     ...
 * }
 * }</pre>
 *
 * <p>The server is started once per JVM, on first use, and stopped when the JVM exits; every
 * {@code DatabaseServer} of the same kind shares it. Registered on a test class (static or instance
 * field), it makes sure the server runs before each test, so a server that cannot start fails (or
 * skips) every test of the class, each one counted. Where the server's programs are not installed
 * the tests are skipped, with a message naming the missing program and the Debian package; when
 * the environment variable {@code CI} is {@code true} they fail instead.
 *
 * <p>Test harness, not API: public for the JUnit tests and the {@code benchmarks} module (through
 * consent-jdbc's test-jar), never released.
 *
 * <p>Immutable and thread-safe.
 */
public final class DatabaseServer implements BeforeEachCallback {
    private final Engine engine;

    private DatabaseServer(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** @return the JVM's PostgreSQL, from the {@code postgresql} package */
    public static DatabaseServer postgres() {
        return new DatabaseServer(Engine.POSTGRESQL);
    }

    /** @return the JVM's MariaDB, from the {@code mariadb-server} package */
    public static DatabaseServer mariaDb() {
        return new DatabaseServer(Engine.MARIADB);
    }

    /**
     * Creates a new, empty database, owned by a user who is no administrator of the server. Cheap
     * enough for every test: about 10 ms on MariaDB, 0.1 s on PostgreSQL. Databases are not
     * dropped; the whole server goes when the JVM exits.
     *
     * @return the database, its coordinates and a data source for it
     * @throws org.opentest4j.TestAbortedException if the server's programs are not installed
     *     (outside CI), which JUnit reports as a skipped test
     * @throws IllegalStateException if the programs are missing on CI, or the server cannot start
     *     or create the database
     */
    public TestDatabase freshDatabase() {
        return Servers.get(engine).freshDatabase();
    }

    /**
     * Starts the server, if not yet running, before each test. Per test rather than per class so
     * that a skip or failure is counted for every test: Failsafe counts a class-level skip of a
     * {@code @Nested} class as no test at all. Costs nothing once the server runs.
     *
     * @param context the test's context
     * @throws org.opentest4j.TestAbortedException as {@link #freshDatabase()}
     * @throws IllegalStateException as {@link #freshDatabase()}
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Servers.get(engine);
    }

    @Override
    public String toString() {
        return "DatabaseServer[" + engine.displayName() + "]";
    }
}
