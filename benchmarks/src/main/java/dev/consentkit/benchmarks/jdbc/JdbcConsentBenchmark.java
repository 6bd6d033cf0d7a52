package dev.consentkit.benchmarks.jdbc;

import static dev.consentkit.benchmarks.jdbc.JdbcBenchCatalog.NEWSLETTER;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
 * Recording a consent with its audit link: {@code kit.consent(subject, newsletter).give()} over
 * {@link dev.consentkit.jdbc.JdbcStorage}, against {@link RawConsentWriter} writing the same rows in
 * one plain transaction, in the same run, on the database filled with {@value JdbcWorld#SUBJECTS}
 * subjects.
 *
 * <p>Every invocation records the first consent of a new subject (ids unique to the run), so every
 * side inserts a projection row rather than updates one. The setup writes one subject each way and
 * checks that the ledger, projection and audit rows agree in every column but ids, hashes and links.
 *
 * <p>The kit's unit of work runs seven statements where the limit, {@link #rawTransaction()}, runs
 * four: the writer turn, the ledger insert, a read of the projection row, an update of it that finds
 * none and then the insert, a read of the audit head, and the head-conditioned audit insert.
 * {@link #rawKitStatements()} runs those seven in plain JDBC (the same statement texts),
 * to tell the statements' cost from the kit's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class JdbcConsentBenchmark {
    /** Columns that differ between any two subjects' rows. */
    private static final Set<String> VARYING = Set.of("seq", "event_id", "subject_id", "request_digest",
            "subject_ref", "reference", "previous_link", "link");

    /** The database: embedded H2, or the PostgreSQL server given by {@code CK_BENCH_PG_URL}. */
    @Param({"h2", "postgresql"})
    public String database;

    private JdbcWorld world;
    private ConsentKit kit;
    private Evidence evidence;
    private RawConsentWriter raw;
    private String run;
    private long next;

    /** Creates the state; JMH calls {@link #setUp()} before the first iteration. */
    public JdbcConsentBenchmark() {
    }

    /**
     * Opens and fills the database, and checks that a consent written by each side gives the same rows.
     *
     * @throws SQLException if the baseline fails
     * @throws IllegalStateException if the rows differ, or PostgreSQL is not configured
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        world = JdbcWorld.open(database);
        kit = world.kit();
        evidence = kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build();
        // new subjects on every fork and run: a reused PostgreSQL database keeps earlier runs' subjects
        run = UUID.randomUUID().toString().substring(0, 8);
        LedgerEntry byKit = consentKitGive();
        raw = new RawConsentWriter(world);
        String rawSubject = nextSubject("r");
        raw.give(rawSubject);
        compareRows(byKit.event().scope().subject().value(), byKit.event().id().toString(), rawSubject);
        String likeKitSubject = nextSubject("s");
        raw.giveWithKitStatements(likeKitSubject);
        compareRows(byKit.event().scope().subject().value(), byKit.event().id().toString(), likeKitSubject);
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** @return the recorded entry */
    @Benchmark
    public LedgerEntry consentKitGive() {
        return kit.consent(SubjectId.of(nextSubject("k")), NEWSLETTER).locale(JdbcBenchCatalog.LOCALE)
                .evidence(evidence).give();
    }

    /**
     * @return the ledger sequence of the event
     * @throws SQLException if the transaction fails
     */
    @Benchmark
    public long rawTransaction() throws SQLException {
        return raw.give(nextSubject("r"));
    }

    /**
     * @return the ledger sequence of the event
     * @throws SQLException if the transaction fails
     */
    @Benchmark
    public long rawKitStatements() throws SQLException {
        return raw.giveWithKitStatements(nextSubject("s"));
    }

    private String nextSubject(String side) {
        return side + "-" + run + "-" + next++;
    }

    private void compareRows(String kitSubject, String kitEventId, String rawSubject) throws SQLException {
        try (Connection c = world.pool().getConnection()) {
            String ledger = "SELECT * FROM ck_ledger WHERE subject_id = ?";
            compare(ledger, row(c, ledger, kitSubject), row(c, ledger, rawSubject));
            String projection = "SELECT * FROM ck_projection WHERE subject_id = ?";
            compare(projection, row(c, projection, kitSubject), row(c, projection, rawSubject));
            String audit = "SELECT * FROM ck_audit WHERE reference = ?";
            String rawEventId = (String) row(c, ledger, rawSubject).get("event_id");
            compare(audit, row(c, audit, kitEventId), row(c, audit, rawEventId));
        }
    }

    private static void compare(String query, Map<String, Object> byKit, Map<String, Object> byRaw) {
        for (Map.Entry<String, Object> column : byKit.entrySet()) {
            if (!VARYING.contains(column.getKey()) && !Objects.equals(column.getValue(), byRaw.get(column.getKey()))) {
                throw new IllegalStateException("kit and baseline wrote different values into " + column.getKey()
                        + " (" + query + ")");
            }
        }
    }

    /** @return the one row the query finds, by lower-case column name */
    private static Map<String, Object> row(Connection c, String query, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row written for " + query);
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                if (rs.next()) {
                    throw new IllegalStateException("more than one row for " + query);
                }
                return row;
            }
        }
    }
}
