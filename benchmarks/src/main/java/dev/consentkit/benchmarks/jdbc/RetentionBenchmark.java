package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import com.zaxxer.hikari.HikariDataSource;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.retention.DisposalBatch;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionPolicy;
import dev.consentkit.core.retention.RetentionRun;
import dev.consentkit.core.retention.RetentionTarget;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A retention run disposing of {@code records} due bookings (each anchored by an {@code order.closed}
 * event, 4 bookings per client) against the limit: one raw set-based {@code DELETE} of the same rows,
 * selected through the same event table. Each invocation starts from freshly filled tables (the fill
 * is setup, not measured). The run uses batches of 10 000 items; its target deletes each batch with
 * one {@code DELETE ... WHERE id = ANY(?)} on the kit's connection, as a host would. See
 * benchmarks/README.md for the method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RetentionBenchmark {
    private static final String PREFIX = "ckret_";
    private static final PurposeId ORDERS = PurposeId.of("orders");
    private static final Instant CLOSED = Instant.parse("2023-01-10T10:00:00Z");
    private static final long CLOSED_US = CLOSED.getEpochSecond() * 1_000_000L;

    @Param({"postgresql"})
    public String database;

    @Param({"1000000"})
    public int records;

    private BenchDatabase db;
    private HikariDataSource pool;
    private RetentionEngine retention;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = BenchDatabase.of(database);
        pool = db.open();
        SchemaInstaller.of(pool, PREFIX).install();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_booking");
            st.execute("CREATE TABLE bench_booking (id VARCHAR(32) PRIMARY KEY, client_id VARCHAR(32) NOT NULL,"
                    + " title VARCHAR(64))");
        }
        ConsentKit kit = ConsentKit.builder().catalog(catalog()).storage(JdbcStorage.builder(pool).tablePrefix(PREFIX).build())
                .clock(Clock.fixed(JdbcBenchCatalog.NOW, ZoneOffset.UTC))
                .auditKey(JdbcBenchCatalog.AUDIT_KEY).pseudonymKey(JdbcBenchCatalog.PSEUDONYM_KEY).build();
        retention = RetentionEngine.builder(kit)
                .policy(RetentionPolicy.builder(ORDERS, CategoryId.of("order")).afterEvent(Period.ofMonths(24), EventName.of("order.closed")).build())
                .target(CategoryId.of("order"), new Bookings(db)).batchSize(10_000).build();
    }

    /** Fresh due rows for every invocation: the bookings and their anchors, no markers, no acts. */
    @Setup(Level.Invocation)
    public void fill() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"bench_booking", PREFIX + "retention_event", PREFIX + "retention_disposal",
                    PREFIX + "destruction_act_entry", PREFIX + "destruction_act"}) {
                st.execute("DELETE FROM " + table);
            }
            String rows = db == BenchDatabase.POSTGRESQL ? "generate_series(1, " + records + ") AS s(g)"
                    : "SYSTEM_RANGE(1, " + records + ") AS s(g)";
            st.execute("INSERT INTO bench_booking (id, client_id, title) SELECT CONCAT('booking-', g),"
                    + " CONCAT('client-', g / 4), 'design order' FROM " + rows);
            st.execute("INSERT INTO " + PREFIX + "retention_event (event_name, subject_id, record_ref, at_us)"
                    + " SELECT 'order.closed', CONCAT('client-', g / 4), CONCAT('booking-', g), " + CLOSED_US + " FROM " + rows);
            if (db == BenchDatabase.POSTGRESQL) {
                st.execute("ANALYZE");
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    /** @return how many items the run disposed of */
    @Benchmark
    public long retentionRun() {
        RetentionRun run = retention.run(Actor.system("bench"));
        if (run.disposed() != records) {
            throw new IllegalStateException("the run disposed of " + run.disposed() + " of " + records);
        }
        return run.disposed();
    }

    /** @return how many bookings the raw statement deleted */
    @Benchmark
    public int rawSetBasedDelete() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM bench_booking WHERE id IN (SELECT record_ref FROM " + PREFIX + "retention_event"
                        + " WHERE event_name = 'order.closed' AND at_us <= ?)")) {
            ps.setLong(1, CLOSED_US);
            int deleted = ps.executeUpdate();
            if (deleted != records) {
                throw new IllegalStateException("the raw DELETE removed " + deleted + " of " + records);
            }
            return deleted;
        }
    }

    private static ProcessingCatalog catalog() {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Bench Studio LLC", "privacy desk"))
                .jurisdiction("RU")
                .defaultLocale(Locale.ENGLISH)
                .category(new DataCategory(CategoryId.of("order"), LocalizedText.of(Locale.ENGLISH, "Orders"), false))
                .purpose(Purpose.builder(ORDERS).name(LocalizedText.of(Locale.ENGLISH, "Orders"))
                        .description(LocalizedText.of(Locale.ENGLISH, "Fulfilling orders")).basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("order")).build())
                .build();
    }

    /** The host's side: one set-based DELETE per batch, on the kit's connection. */
    private record Bookings(BenchDatabase db) implements RetentionTarget {
        @Override
        public int dispose(DisposalBatch batch, StorageTransaction tx) {
            Connection c = JdbcStorage.connection(tx);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bench_booking WHERE id = ANY(?)")) {
                ps.setArray(1, db.idArray(c, batch.recordRefs().toArray()));
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("bench DELETE failed (SQLState " + e.getSQLState() + ")", e);
            }
        }
    }
}
