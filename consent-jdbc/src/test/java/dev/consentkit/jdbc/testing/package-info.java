/**
 * Real PostgreSQL and MariaDB servers for the JDBC integration tests, started by the tests
 * themselves from the machine's installed packages (no Docker).
 *
 * <p>A test class registers {@link dev.consentkit.jdbc.testing.DatabaseServer} and asks it for a
 * {@link dev.consentkit.jdbc.testing.TestDatabase fresh, empty database} wherever it needs one:
 *
 * <pre>{@code
 * class PostgresJdbcStorageIT {
 *     @RegisterExtension
 *     static final DatabaseServer POSTGRES = DatabaseServer.postgres();
 *
 *     private DataSource dataSource;
 *
 *     @BeforeEach
 *     void freshDatabase() {
 *         dataSource = POSTGRES.freshDatabase().dataSource(); // empty, for this test only
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Each server is started once per test JVM, on first use, in a throwaway directory, listening
 * on 127.0.0.1 only, and stopped (its directory deleted) when the JVM exits. Where a server's
 * programs are not installed its tests are skipped with a message naming the missing program and
 * the Debian package, except under {@code CI=true}, where that fails the run.
 *
 * <p>Everything but {@code DatabaseServer} and {@code TestDatabase} is package-private.
 */
package dev.consentkit.jdbc.testing;
