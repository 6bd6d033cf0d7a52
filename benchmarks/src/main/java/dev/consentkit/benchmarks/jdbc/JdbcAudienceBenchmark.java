package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.Decision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The audience filter "which of these {@value JdbcWorld#SUBJECTS} clients may receive the
 * newsletter": {@link ConsentKit#checkAll(java.util.Collection, PurposeId)} over
 * {@link dev.consentkit.jdbc.JdbcStorage}, against raw JDBC in the same run.
 *
 * <ul>
 *   <li>{@link #rawChunked()} is the limit: the statement consent-jdbc runs on the database, once per
 *       10 000 ids (ten statements on one auto-commit connection, as the storage does), rows read by
 *       index into the set of permitted ids. On PostgreSQL
 *       {@code ... WHERE subject_id = ANY(?) AND purpose_id = ?}; on H2 the join
 *       {@code FROM UNNEST(?) AS u(id) JOIN ck_projection p ON p.subject_id = u.id WHERE p.purpose_id = ?}
 *       (H2 runs {@code = ANY(?)} as a scan of the purpose's index that compares every row with every
 *       id, minutes for 100 000 ids; see {@code benchmarks/jdbc.md}).</li>
 *   <li>{@link #rawOneStatement()} sends all 100 000 ids as one array: how much the chunking costs.
 *       PostgreSQL only: an H2 array holds at most 65 536 elements, so on H2 it fails at once with a
 *       message saying so.</li>
 *   <li>{@link #rawJoinChunked()} the same chunks by the join on either database (on H2 the same as
 *       {@link #rawChunked()}; on PostgreSQL a comparison of the two forms).</li>
 * </ul>
 *
 * <p>The kit answers with a decision per subject, in the order given; the baselines only with the set
 * of permitted ids. The setup checks that the kit permits exactly the subjects the baselines find
 * (all of them).
 * The loop of single checks is {@link JdbcAudienceLoopBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class JdbcAudienceBenchmark {
    /** Ids per statement, as consent-jdbc sends them. */
    public static final int CHUNK = 10_000;
    private static final long NOW_MICROS = JdbcBenchCatalog.micros(JdbcBenchCatalog.NOW);

    /** The database: embedded H2, or the PostgreSQL server given by {@code CK_BENCH_PG_URL}. */
    @Param({"h2", "postgresql"})
    public String database;

    private JdbcWorld world;
    private ConsentKit kit;
    private List<SubjectId> audience;
    private String[] ids;

    /** Creates the state; JMH calls {@link #setUp()} before the first iteration. */
    public JdbcAudienceBenchmark() {
    }

    /**
     * Opens and fills the database and checks that kit and baselines agree on the audience.
     *
     * @throws SQLException if a baseline's query fails
     * @throws IllegalStateException if they disagree, or PostgreSQL is not configured
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        world = JdbcWorld.open(database);
        kit = world.kit();
        audience = List.of(world.subjects());
        ids = world.ids();
        int sample = ids.length;
        Set<String> byKit = new HashSet<>();
        kit.checkAll(audience.subList(0, sample), NEWSLETTER).forEach((s, d) -> {
            if (d.isPermitted()) {
                byKit.add(s.value());
            }
        });
        String[] sampled = Arrays.copyOf(ids, sample);
        if (!byKit.equals(rawAudience(kitStatement(), sampled, CHUNK))
                || !byKit.equals(rawAudience(RawSql.STATE_FIND_ALL_JOIN, sampled, CHUNK))
                || world.database() != BenchDatabase.H2 && !byKit.equals(rawAudience(RawSql.STATE_FIND_ALL, sampled, sample))) {
            throw new IllegalStateException("kit and baseline disagree about the audience");
        }
        System.out.printf("# audience: kit and baselines agree on %d subjects, %d permitted%n", sample, byKit.size());
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** @return the kit's decision for every subject */
    @Benchmark
    public Map<SubjectId, Decision> consentKitCheckAll() {
        return kit.checkAll(audience, NEWSLETTER);
    }

    /**
     * @return the permitted ids, read in chunks of {@value #CHUNK}
     * @throws SQLException if a query fails
     */
    @Benchmark
    public Set<String> rawChunked() throws SQLException {
        return rawAudience(kitStatement(), ids, CHUNK);
    }

    /** @return the statement consent-jdbc runs on this database */
    private String kitStatement() {
        return world.database() == BenchDatabase.H2 ? RawSql.STATE_FIND_ALL_JOIN : RawSql.STATE_FIND_ALL;
    }

    /**
     * @return the permitted ids, read in chunks of {@value #CHUNK} by the join suggested for H2
     * @throws SQLException if a query fails
     */
    @Benchmark
    public Set<String> rawJoinChunked() throws SQLException {
        return rawAudience(RawSql.STATE_FIND_ALL_JOIN, ids, CHUNK);
    }

    /**
     * @return the permitted ids, read with one statement
     * @throws SQLException if the query fails
     */
    @Benchmark
    public Set<String> rawOneStatement() throws SQLException {
        if (world.database() == BenchDatabase.H2) {
            throw new UnsupportedOperationException("rawOneStatement does not run on H2: an H2 array holds at most"
                    + " 65 536 elements, too few for 100 000 ids in one statement");
        }
        return rawAudience(RawSql.STATE_FIND_ALL, ids, ids.length);
    }

    private Set<String> rawAudience(String statement, String[] ids, int chunk) throws SQLException {
        Set<String> permitted = new HashSet<>(ids.length * 2);
        try (Connection c = world.pool().getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int from = 0; from < ids.length; from += chunk) {
                ps.setString(2, NEWSLETTER.value());
                ps.setArray(1,
                        world.database().idArray(c, Arrays.copyOfRange(ids, from, Math.min(ids.length, from + chunk))));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (RawSql.permits(rs, NOW_MICROS)) {
                            permitted.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return permitted;
    }
}
