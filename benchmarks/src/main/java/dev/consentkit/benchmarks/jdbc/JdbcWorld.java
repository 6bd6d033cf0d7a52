package dev.consentkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One database for a benchmark trial: the pool both sides share, ConsentKit's schema (prefix
 * {@code ck_}), {@value #SUBJECTS} subjects who gave newsletter consent (every 10th withdrew it; see
 * {@link BenchFill}), and a kit over {@link JdbcStorage} on that pool.
 *
 * <p>An in-memory H2 lives as long as the fork, so each fork fills it again. A PostgreSQL database
 * filled by an earlier fork or run is reused; one left half-filled by an interrupted run is refused.
 * Not thread-safe to open; the kit and the pool it holds are thread-safe.
 */
final class JdbcWorld implements AutoCloseable {
    static final int SUBJECTS = 100_000;

    private final BenchDatabase database;
    private final HikariDataSource pool;
    private final ConsentKit kit;
    private final SubjectId[] subjects;
    private final String[] ids;

    private JdbcWorld(BenchDatabase database, HikariDataSource pool, ConsentKit kit, SubjectId[] subjects) {
        this.database = database;
        this.pool = pool;
        this.kit = kit;
        this.subjects = subjects;
        this.ids = new String[subjects.length];
        for (int i = 0; i < subjects.length; i++) {
            ids[i] = subjects[i].value();
        }
    }

    /**
     * @param name {@code h2} or {@code postgresql}
     * @return the database, filled
     * @throws IllegalStateException if PostgreSQL has no URL, or holds a half-filled database
     */
    static JdbcWorld open(String name) {
        BenchDatabase database = BenchDatabase.of(name);
        HikariDataSource pool = database.open();
        try {
            SchemaInstaller.of(pool, "ck_").install();
            JdbcStorage storage = JdbcStorage.builder(pool).tablePrefix("ck_").build();
            ConsentKit kit = JdbcBenchCatalog.kit(storage);
            SubjectId[] subjects = new SubjectId[SUBJECTS];
            for (int i = 0; i < SUBJECTS; i++) {
                subjects[i] = SubjectId.of(String.format(Locale.ROOT, "client-%06d", i));
            }
            describe(pool, BenchFill.fillIfEmpty(pool, storage, kit, subjects));
            return new JdbcWorld(database, pool, kit, subjects);
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("setting up " + name + " failed", e);
        }
    }

    BenchDatabase database() {
        return database;
    }

    HikariDataSource pool() {
        return pool;
    }

    ConsentKit kit() {
        return kit;
    }

    /** @return the filled subjects, in id order; do not modify */
    SubjectId[] subjects() {
        return subjects;
    }

    /** @return their ids, in the same order; do not modify */
    String[] ids() {
        return ids;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void describe(HikariDataSource pool, String fill) throws SQLException {
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData m = c.getMetaData();
            System.out.printf(Locale.ROOT, "# consent-jdbc benchmark database: %s %s (driver %s %s, pool HikariCP,"
                            + " auto-commit %s); %d subjects with newsletter consent, every %dth withdrawn; %s%n",
                    m.getDatabaseProductName(), m.getDatabaseProductVersion(), m.getDriverName(), m.getDriverVersion(),
                    c.getAutoCommit(), SUBJECTS, BenchFill.WITHDRAW_EVERY, fill);
        }
    }
}
