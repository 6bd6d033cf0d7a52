package dev.consentkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * The databases of the {@code database} parameter, and the little that differs between them on the
 * raw side: the generated-key form of an insert and the SQL array type. Both mirror what
 * consent-jdbc's dialects do, so both sides send the same statements.
 *
 * <p>PostgreSQL is not started here: its JDBC URL comes from {@code -Dck.bench.pg.url} or
 * {@code CK_BENCH_PG_URL} (user and password likewise). Without one the PostgreSQL benchmarks fail
 * at setup with a message saying so, and JMH goes on with the next one.
 */
enum BenchDatabase {
    /** Embedded H2, in memory: no network, so the library's own overhead shows most. */
    H2 {
        @Override
        HikariConfig config() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:mem:ckbench;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
            config.setPassword("");
            return config;
        }

        @Override
        PreparedStatement prepareInsertReturningSeq(Connection c, String sql) throws SQLException {
            return c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }

        @Override
        Array idArray(Connection c, Object[] ids) throws SQLException {
            return c.createArrayOf("VARCHAR", ids);
        }
    },
    /** A PostgreSQL server given by URL: every statement is a round trip. */
    POSTGRESQL {
        @Override
        HikariConfig config() {
            String url = setting("ck.bench.pg.url", "CK_BENCH_PG_URL").orElseThrow(() -> new IllegalStateException(
                    "PostgreSQL benchmarks skipped: no server given. Set CK_BENCH_PG_URL (and CK_BENCH_PG_USER,"
                            + " CK_BENCH_PG_PASSWORD) or -Dck.bench.pg.url=jdbc:postgresql://127.0.0.1:55433/bench,"
                            + " or run H2 alone with -p database=h2 (see benchmarks/jdbc.md)"));
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            setting("ck.bench.pg.user", "CK_BENCH_PG_USER").ifPresent(config::setUsername);
            setting("ck.bench.pg.password", "CK_BENCH_PG_PASSWORD").ifPresent(config::setPassword);
            return config;
        }

        @Override
        PreparedStatement prepareInsertReturningSeq(Connection c, String sql) throws SQLException {
            return c.prepareStatement(sql, new String[] {"seq"});
        }

        @Override
        Array idArray(Connection c, Object[] ids) throws SQLException {
            return c.createArrayOf("varchar", ids);
        }
    };

    /**
     * @param name the JMH parameter value
     * @return the database
     * @throws IllegalArgumentException if it names none
     */
    static BenchDatabase of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * One pool for both sides of every benchmark: HikariCP's defaults (auto-commit on), two
     * connections for a single benchmark thread and the storage's one-off schema check.
     *
     * @return the pool
     * @throws IllegalStateException if PostgreSQL is asked for and no URL is given
     */
    HikariDataSource open() {
        HikariConfig config = config();
        config.setPoolName("ckbench-" + name().toLowerCase(Locale.ROOT));
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }

    abstract HikariConfig config();

    /** Prepares an insert whose generated {@code seq} is read back, as the dialect of consent-jdbc does. */
    abstract PreparedStatement prepareInsertReturningSeq(Connection c, String sql) throws SQLException;

    /** A SQL array of ids for {@code = ANY(?)}, of the type consent-jdbc's dialect binds. */
    abstract Array idArray(Connection c, Object[] ids) throws SQLException;

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
