package dev.consentkit.jdbc;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.retention.RetentionPolicy;
import dev.consentkit.core.retention.RetentionRun;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The retention engine on a real database, with the host's booking table in the same database and the
 * same transaction as the kit's markers and act: a run killed halfway by a failure injected after the
 * host's DELETE has its batch rolled back whole, and the next run finishes the job (M25, R-RU-18).
 * Each database runs it through a subclass that supplies empty databases.
 */
abstract class RetentionScenarios {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final RetentionPolicy BOOKINGS = RetentionPolicy.builder(ORDERS, CategoryId.of("order"))
            .afterEvent(Period.ofMonths(24), EventName.of("order.closed")).build();
    private static final Actor NIGHTLY = Actor.system("nightly-retention");
    private final MutableClock clock = new MutableClock(T);

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    private DataSource installed() throws SQLException {
        DataSource ds = emptyDatabase();
        BookingTable.install(ds);
        return ds;
    }

    private static void bookings(DataSource ds, RetentionEngine retention, int n) throws SQLException {
        BookingTable.bookings(ds, retention, n, T);
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        return BookingTable.count(ds, sql);
    }

    @Test
    void aRunKilledAfterTheHostsDeleteRollsTheBatchBackAndTheNextRunFinishesIt() throws SQLException {
        DataSource ds = installed();
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        BookingTable table = spy(new BookingTable());
        AtomicInteger batches = new AtomicInteger();
        doAnswer(inv -> {
            Object deleted = inv.callRealMethod();
            if (batches.incrementAndGet() == 3) {
                throw new IllegalStateException("process killed after the host's DELETE (injected)");
            }
            return deleted;
        }).when(table).dispose(any(), any());
        RetentionEngine retention = RetentionEngine.builder(kit).policy(BOOKINGS).target(CategoryId.of("order"), table)
                .batchSize(20).build();
        bookings(ds, retention, 70);
        clock.set(T.plus(Duration.ofDays(731)));

        assertThatThrownBy(() -> retention.run(NIGHTLY)).hasMessageContaining("injected");

        assertThat(count(ds, "SELECT COUNT(*) FROM crm_booking")).as("the third batch was rolled back whole").isEqualTo(30);
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_disposal_log")).isEqualTo(40);
        DestructionAct open = retention.acts().get(0);
        assertThat(open.complete()).isFalse();
        assertThat(open.recordCount()).isEqualTo(40);

        RetentionRun rerun = retention.run(NIGHTLY);

        assertThat(rerun.resumed()).isTrue();
        assertThat(rerun.disposed()).isEqualTo(30);
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_booking")).isZero();
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_disposal_log")).isEqualTo(70);
        assertThat(count(ds, "SELECT COUNT(DISTINCT booking_id) FROM crm_disposal_log")).as("none twice").isEqualTo(70);
        DestructionAct act = retention.act(rerun.actId().orElseThrow()).orElseThrow();
        assertThat(act.id()).isEqualTo(open.id());
        assertThat(act.complete()).isTrue();
        assertThat(act.recordCount()).isEqualTo(70);
        assertThat(act.subjectRefs()).hasSize(7);
        assertThat(retention.auditExport(act)).hasSize(act.entries().size());
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(retention.run(NIGHTLY).disposed()).isZero();
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_disposal_log")).isEqualTo(70);
    }

    @Test
    void aLegalHoldKeepsItsSubjectsBookingsAndTheRunListsThemWithItsReason() throws SQLException {
        DataSource ds = installed();
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        RetentionEngine retention = RetentionEngine.builder(kit).policy(BOOKINGS).target(CategoryId.of("order"), new BookingTable())
                .batchSize(8).build();
        bookings(ds, retention, 21);
        LegalHolds.of(kit).place(HoldScope.forSubject(SubjectId.of("client-2")), "court case 2-118/2026",
                Actor.operator("dpo"));
        clock.set(T.plus(Duration.ofDays(731)));

        RetentionRun run = retention.run(NIGHTLY);

        assertThat(run.disposed()).isEqualTo(18);
        assertThat(run.blocked()).hasSize(3).allSatisfy(b -> {
            assertThat(b.item().subject()).isEqualTo(SubjectId.of("client-2"));
            assertThat(b.reason()).isEqualTo("court case 2-118/2026");
        });
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_booking WHERE client_id = 'client-2'")).isEqualTo(3);
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_booking")).isEqualTo(3);
        assertThat(retention.plan().blocked()).hasSize(3);
    }

    @Test
    void aRunIsSetBased_statementsGrowWithBatchesNotRecords() throws SQLException {
        RecordingDataSource ds = new RecordingDataSource(installed());
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        RetentionEngine retention = RetentionEngine.builder(kit).policy(BOOKINGS).target(CategoryId.of("order"), new BookingTable())
                .batchSize(500).build();
        bookings(ds, retention, 1_000);
        clock.set(T.plus(Duration.ofDays(731)));
        ds.statements().clear();

        RetentionRun run = retention.run(NIGHTLY);

        assertThat(run.disposed()).isEqualTo(1_000);
        assertThat(run.batches()).isEqualTo(2);
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_booking")).isZero();
        // about a dozen statements per batch of 500, whatever the batch size: never one per record
        assertThat(ds.statements()).hasSizeLessThan(60);
    }
}
