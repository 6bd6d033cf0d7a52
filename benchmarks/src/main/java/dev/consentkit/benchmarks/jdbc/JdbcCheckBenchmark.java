package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.Decision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A single {@link ConsentKit#check(SubjectId, dev.consentkit.core.PurposeId) check} over
 * {@link dev.consentkit.jdbc.JdbcStorage}, against its limit in the same run: the same prepared
 * {@code SELECT} of the same projection row on a connection from the same pool, in auto-commit (as
 * the storage's reads run), the row read by index into a yes/no.
 *
 * <p>Both sides ask about the same {@value JdbcWorld#SUBJECTS} subjects in the same shuffled order,
 * one in ten of whom withdrew. The setup checks that both give the same answer for the first 1 000
 * of them. What the kit does beyond the baseline: its unit of work (a lease that reads the
 * connection's auto-commit mode before and after), a fetch size on the statement, reading columns
 * by position into a {@code ConsentState} (scope, notice reused from a cache, optional times), and
 * the {@link Decision} with its explanation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class JdbcCheckBenchmark {
    private static final int AGREEMENT_SAMPLE = 1_000;
    private static final long NOW_MICROS = JdbcBenchCatalog.micros(JdbcBenchCatalog.NOW);

    /** The database: embedded H2, or the PostgreSQL server given by {@code CK_BENCH_PG_URL}. */
    @Param({"h2", "postgresql"})
    public String database;

    private JdbcWorld world;
    private ConsentKit kit;
    private DataSource pool;
    private SubjectId[] subjects;
    private String[] ids;

    /** Creates the state; JMH calls {@link #setUp()} before the first iteration. */
    public JdbcCheckBenchmark() {
    }

    /** Where the benchmark thread is in the shuffled subjects. Not thread-safe. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** Creates a cursor at the start. */
        public Cursor() {
        }

        int next() {
            int i = next;
            next = i + 1 == JdbcWorld.SUBJECTS ? 0 : i + 1;
            return i;
        }
    }

    /**
     * Opens and fills the database, shuffles the subjects, and checks that kit and baseline agree.
     *
     * @throws SQLException if the baseline's query fails
     * @throws IllegalStateException if they disagree for any sampled subject, or PostgreSQL is not configured
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        world = JdbcWorld.open(database);
        kit = world.kit();
        pool = world.pool();
        subjects = world.subjects().clone();
        Random random = new Random(20260302L);
        for (int i = subjects.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            SubjectId t = subjects[i];
            subjects[i] = subjects[j];
            subjects[j] = t;
        }
        ids = new String[subjects.length];
        for (int i = 0; i < subjects.length; i++) {
            ids[i] = subjects[i].value();
        }
        for (int i = 0; i < AGREEMENT_SAMPLE; i++) {
            if (kit.check(subjects[i], NEWSLETTER).isPermitted() != rawPermits(ids[i])) {
                throw new IllegalStateException("kit and baseline disagree about a subject");
            }
        }
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /**
     * @param cursor the thread's place in the subjects
     * @return the kit's decision
     */
    @Benchmark
    public Decision consentKitCheck(Cursor cursor) {
        return kit.check(subjects[cursor.next()], NEWSLETTER);
    }

    /**
     * @param cursor the thread's place in the subjects
     * @return whether the raw row permits
     * @throws SQLException if the query fails
     */
    @Benchmark
    public boolean rawSelect(Cursor cursor) throws SQLException {
        return rawPermits(ids[cursor.next()]);
    }

    private boolean rawPermits(String subject) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(RawSql.STATE_FIND)) {
            ps.setString(1, subject);
            ps.setString(2, NEWSLETTER.value());
            boolean permitted = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    permitted |= RawSql.permits(rs, NOW_MICROS);
                }
            }
            return permitted;
        }
    }
}
