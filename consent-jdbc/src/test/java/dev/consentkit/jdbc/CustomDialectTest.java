package dev.consentkit.jdbc;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionPolicy;
import dev.consentkit.core.retention.RetentionRun;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.spi.Dialect.Capability;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A host's own dialect gets exactly the fast paths it declares: the stores ask {@link Dialect#supports},
 * never a dialect's name or class. The dialect here is not one of the three built-in instances: it
 * forwards to H2's behaviour under another name ({@code custom}) and declares what the test says. The
 * statements a retention run sends (recorded on the connection) show which form was chosen, and the run
 * disposes of every record either way.
 */
class CustomDialectTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final RetentionPolicy BOOKINGS = RetentionPolicy.builder(ORDERS, CategoryId.of("order"))
            .afterEvent(Period.ofMonths(24), EventName.of("order.closed")).build();
    private static final Actor NIGHTLY = Actor.system("nightly-retention");
    /** The set-based disposal insert, bound as arrays (ARRAY_PARAMETERS). */
    private static final String ARRAY_INSERT = "FROM UNNEST(?, ?, ?) AS u(s, r, a)";
    /** The keyset page's row-value comparison (ROW_VALUES). */
    private static final String ROW_VALUE = "(e.subject_id, e.record_ref) > (?, ?)";
    private final MutableClock clock = new MutableClock(T);

    @Test
    void aHostsDialectDeclaringArraysAndRowValuesGetsTheSetBasedDisposal() throws SQLException {
        RecordingDataSource ds = installed();
        Dialect custom = new ForwardingDialect(EnumSet.of(Capability.ARRAY_PARAMETERS,
                Capability.ROW_VALUES));

        List<String> sent = run(ds, custom);

        assertThat(sent).anyMatch(s -> s.contains(ARRAY_INSERT)).anyMatch(s -> s.contains(ROW_VALUE));
        // one set-based DELETE and INSERT of markers per batch: no statement per record
        assertThat(sent).hasSizeLessThan(60);
    }

    @Test
    void aHostsDialectDeclaringNothingTakesTheStandardFormsAndStillDisposesOfEveryRecord() throws SQLException {
        RecordingDataSource ds = installed();
        Dialect custom = new ForwardingDialect(EnumSet.noneOf(Capability.class));

        List<String> sent = run(ds, custom);

        assertThat(sent).noneMatch(s -> s.contains("UNNEST")).noneMatch(s -> s.contains(ROW_VALUE))
                .anyMatch(s -> s.contains("e.subject_id > ? OR (e.subject_id = ? AND e.record_ref > ?)"));
    }

    @Test
    void aDialectThatDeclaresNothingHasNoCapabilityAndTheStandardArrayTypeNames() {
        Dialect minimal = new OnH2() { // only the abstract methods: every default kept
        };

        assertThat(EnumSet.allOf(Capability.class)).noneMatch(minimal::supports);
        assertThat(minimal.arrayElementType(JDBCType.VARCHAR)).isEqualTo("VARCHAR");
        assertThat(minimal.arrayElementType(JDBCType.BIGINT)).isEqualTo("BIGINT");
    }

    @ParameterizedTest(name = "{0} declares {1}")
    @CsvSource({
        "postgresql, ARRAY_PARAMETERS ROW_VALUES MULTI_STATEMENT_TEXT SQL_SAVEPOINTS POSTGRESQL_ARRAY_BATCHES",
        "h2, ARRAY_PARAMETERS ROW_VALUES",
        "mariadb, ''",
    })
    void theShippedDialectsDeclareTheCapabilitiesTheGuideLists(String name, String declared) {
        Dialect dialect = switch (name) {
            case "postgresql" -> Dialects.POSTGRESQL;
            case "h2" -> Dialects.H2;
            default -> Dialects.MARIADB;
        };
        Set<Capability> expected = EnumSet.noneOf(Capability.class);
        for (String c : declared.split(" ")) {
            if (!c.isEmpty()) {
                expected.add(Capability.valueOf(c));
            }
        }

        assertThat(EnumSet.allOf(Capability.class).stream().filter(dialect::supports))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Runs the nightly retention over 1 000 bookings in two batches and returns the statements it sent. */
    private List<String> run(RecordingDataSource ds, Dialect dialect) throws SQLException {
        JdbcStorage storage = JdbcStorage.builder(ds).dialect(dialect).build();
        assertThat(storage.dialect()).isSameAs(dialect);
        ConsentKit kit = Fixtures.kit(storage, clock);
        RetentionEngine retention = RetentionEngine.builder(kit).policy(BOOKINGS).target(CategoryId.of("order"), new BookingTable())
                .batchSize(500).build();
        BookingTable.bookings(ds, retention, 1_000, T);
        clock.set(T.plus(Duration.ofDays(731)));
        ds.statements().clear();

        RetentionRun run = retention.run(NIGHTLY);

        assertThat(run.disposed()).isEqualTo(1_000);
        assertThat(run.batches()).isEqualTo(2);
        assertThat(BookingTable.count(ds, "SELECT COUNT(*) FROM crm_booking")).isZero();
        assertThat(retention.run(NIGHTLY).disposed()).as("every marker written: nothing is due twice").isZero();
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
        return List.copyOf(ds.statements());
    }

    private static RecordingDataSource installed() throws SQLException {
        DataSource ds = H2Databases.empty();
        BookingTable.install(ds);
        return new RecordingDataSource(ds);
    }

    /** The abstract methods of a dialect, on H2, under the name {@code custom}; every default kept. */
    private abstract static class OnH2 implements Dialect {
        @Override
        public String name() {
            return "custom";
        }

        @Override
        public boolean isConflict(SQLException e) {
            return Dialects.H2.isConflict(e);
        }

        @Override
        public String inSet(String column) {
            return Dialects.H2.inSet(column);
        }

        @Override
        public void bindSet(Connection connection, PreparedStatement statement, int index, List<String> values)
                throws SQLException {
            Dialects.H2.bindSet(connection, statement, index, values);
        }

        @Override
        public void lockSchema(Connection connection, String lockName) throws SQLException {
            Dialects.H2.lockSchema(connection, lockName);
        }

        @Override
        public void unlockSchema(Connection connection, String lockName) throws SQLException {
            Dialects.H2.unlockSchema(connection, lockName);
        }
    }

    /**
     * A host's dialect: H2's behaviour under another name, declaring only the given capabilities (so
     * neither its name nor its class is one the stores could recognise).
     */
    private static final class ForwardingDialect extends OnH2 {
        private final Dialect delegate = Dialects.H2;
        private final Set<Capability> declared;

        ForwardingDialect(Set<Capability> declared) {
            this.declared = declared.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(declared);
        }

        @Override
        public boolean supports(Capability capability) {
            return declared.contains(capability);
        }

        @Override
        public String arrayElementType(JDBCType type) {
            return delegate.arrayElementType(type);
        }

        @Override
        public Optional<String> setTable(String alias) {
            return delegate.setTable(alias);
        }

        @Override
        public String lockRow(String table) {
            return delegate.lockRow(table);
        }

        @Override
        public boolean snapshotMayPredateLock() {
            return delegate.snapshotMayPredateLock();
        }

        @Override
        public Optional<String> insertReturning(String insert, String columns) {
            return delegate.insertReturning(insert, columns);
        }

        @Override
        public PreparedStatement prepareInsertReturningKey(Connection connection, String sql, String keyColumn)
                throws SQLException {
            return delegate.prepareInsertReturningKey(connection, sql, keyColumn);
        }
    }
}
