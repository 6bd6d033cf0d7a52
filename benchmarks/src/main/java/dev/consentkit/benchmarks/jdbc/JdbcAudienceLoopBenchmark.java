package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import java.util.concurrent.TimeUnit;
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
 * The audience filter done the slow way: {@value JdbcWorld#SUBJECTS} single
 * {@link ConsentKit#check(SubjectId, dev.consentkit.core.PurposeId) checks}, one statement each.
 * It is what {@link JdbcAudienceBenchmark}'s set-based read replaces, so it is timed as a single
 * shot per iteration (one warm-up shot, three measured), not in a loop of its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class JdbcAudienceLoopBenchmark {
    /** The database: embedded H2, or the PostgreSQL server given by {@code CK_BENCH_PG_URL}. */
    @Param({"h2", "postgresql"})
    public String database;

    private JdbcWorld world;
    private ConsentKit kit;
    private SubjectId[] subjects;

    /** Creates the state; JMH calls {@link #setUp()} before the first iteration. */
    public JdbcAudienceLoopBenchmark() {
    }

    /**
     * Opens and fills the database.
     *
     * @throws IllegalStateException if PostgreSQL is not configured
     */
    @Setup(Level.Trial)
    public void setUp() {
        world = JdbcWorld.open(database);
        kit = world.kit();
        subjects = world.subjects();
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** @return how many subjects are permitted */
    @Benchmark
    public int consentKitCheckLoop() {
        int permitted = 0;
        for (SubjectId s : subjects) {
            if (kit.check(s, NEWSLETTER).isPermitted()) {
                permitted++;
            }
        }
        return permitted;
    }
}
