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
 *
 * <p><b>Test harness, not API.</b> The package is published in consent-jdbc's test-jar (classifier
 * {@code tests}, only this package) for the {@code benchmarks} module, which starts the same
 * servers. It is never part of a release and may change with any commit. Two system properties
 * steer it: {@code consentkit.test.databases.dir} (where server directories are made; default
 * {@code /dev/shm} when it is a roomy tmpfs) and {@code consentkit.test.databases.durable} ({@code
 * true} keeps the servers' default durability instead of the tests' speed settings; the
 * benchmarks set both).
 */
package dev.consentkit.jdbc.testing;
