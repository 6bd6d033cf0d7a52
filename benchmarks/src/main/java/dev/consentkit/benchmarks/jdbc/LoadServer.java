package dev.consentkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.consentkit.jdbc.SchemaInstaller;
import dev.consentkit.jdbc.testing.DatabaseServer;
import dev.consentkit.jdbc.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The servers of the host-load benchmarks: a throwaway PostgreSQL or MariaDB started the way
 * consent-jdbc's integration tests start them ({@link DatabaseServer}, from consent-jdbc's test-jar),
 * but with the servers' default durability and their data on disk.
 *
 * <p>The tests' launchers turn durability off (PostgreSQL {@code fsync}, synchronous commit and
 * full-page writes; MariaDB's flush at commit) and put the data under {@code /dev/shm}, where a flush
 * costs nothing. A host runs with neither, and a commit's flush is most of what a host transaction
 * waits for, so {@link #prepare()} sets the launchers' two system properties unless they are given:
 * {@value #DURABLE_PROPERTY} = {@code true} and {@value #DIRECTORY_PROPERTY} = {@code java.io.tmpdir}.
 * {@link #durability} reads back what the server really runs with, for the report.
 */
enum LoadServer {
    /** PostgreSQL from the {@code postgresql} package. */
    POSTGRESQL("PostgreSQL") {
        @Override
        DatabaseServer server() {
            return DatabaseServer.postgres();
        }

        @Override
        String durabilityQuery() {
            return "SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit='"
                    + " || current_setting('synchronous_commit') || ', full_page_writes='"
                    + " || current_setting('full_page_writes') || ', wal_sync_method='"
                    + " || current_setting('wal_sync_method')";
        }
    },
    /** MariaDB from the {@code mariadb-server} package. */
    MARIADB("MariaDB") {
        @Override
        DatabaseServer server() {
            return DatabaseServer.mariaDb();
        }

        @Override
        String durabilityQuery() {
            return "SELECT CONCAT('innodb_flush_log_at_trx_commit=', @@innodb_flush_log_at_trx_commit,"
                    + " ', innodb_flush_method=', @@innodb_flush_method, ', innodb_doublewrite=', @@innodb_doublewrite,"
                    + " ', log_bin=', @@log_bin, ', innodb_buffer_pool_size=', @@innodb_buffer_pool_size,"
                    + " ', innodb_log_file_size=', @@innodb_log_file_size)";
        }
    };

    /** The launchers' switch for the servers' default durability (consent-jdbc's {@code Servers}). */
    static final String DURABLE_PROPERTY = "consentkit.test.databases.durable";
    /** The launchers' choice of where server directories go (consent-jdbc's {@code ServerDirectory}). */
    static final String DIRECTORY_PROPERTY = "consentkit.test.databases.dir";
    /** The pool of the host in issue 13's measurements. */
    static final int POOL_SIZE = 18;

    private final String displayName;

    LoadServer(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @param name {@code postgresql} or {@code mariadb}
     * @return the server
     * @throws IllegalArgumentException if it names neither
     */
    static LoadServer of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Sets the launchers' durability and directory properties unless given on the command line.
     * Call before the first server starts.
     *
     * @return the properties in force, for the report
     */
    static String prepare() {
        if (System.getProperty(DURABLE_PROPERTY) == null) {
            System.setProperty(DURABLE_PROPERTY, "true");
        }
        if (System.getProperty(DIRECTORY_PROPERTY) == null) {
            System.setProperty(DIRECTORY_PROPERTY, Path.of(System.getProperty("java.io.tmpdir")).toString());
        }
        return DURABLE_PROPERTY + "=" + System.getProperty(DURABLE_PROPERTY) + ", " + DIRECTORY_PROPERTY + "="
                + System.getProperty(DIRECTORY_PROPERTY);
    }

    /** @return the JVM's one server of this kind (started on first use, stopped when the JVM exits) */
    abstract DatabaseServer server();

    /** @return a query whose one text column names the durability settings in force */
    abstract String durabilityQuery();

    /** @return the product name */
    String displayName() {
        return displayName;
    }

    /**
     * A fresh, empty database on the server (starting it on first use), a HikariCP pool of
     * {@value #POOL_SIZE} on it (HikariCP's defaults otherwise: auto-commit on), and ConsentKit's
     * schema under the prefix {@code ck_}.
     *
     * @return the pool; the caller closes it
     * @throws IllegalStateException if the server cannot be started or the database made
     */
    HikariDataSource freshPool() {
        TestDatabase database = server().freshDatabase();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setPoolName("ckload-" + name().toLowerCase(Locale.ROOT) + "-" + database.name());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            SchemaInstaller.of(pool, "ck_").install();
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * @param pool a pool on this server
     * @return the server's version and durability settings, one line
     * @throws SQLException if they cannot be read
     */
    String durability(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(durabilityQuery())) {
            rs.next();
            DatabaseMetaData m = c.getMetaData();
            return m.getDatabaseProductName() + " " + m.getDatabaseProductVersion() + " (driver " + m.getDriverName()
                    + " " + m.getDriverVersion() + "): " + rs.getString(1);
        }
    }
}
