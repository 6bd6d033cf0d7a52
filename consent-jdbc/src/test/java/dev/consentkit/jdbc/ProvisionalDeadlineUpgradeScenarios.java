package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.rights.SubjectRights;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.rights.DeadlineRecomputation;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.rights.RecomputedDeadline;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Schema v3 -> v4 (issue 11): requests written with the v3 layout - due times without a calendar
 * basis, an extension without its period - read back unchanged after the upgrade, take their next
 * steps, are never taken for provisional, and live beside new provisional requests that the
 * recomputation changes. Each database runs it through a subclass that supplies empty databases.
 */
abstract class ProvisionalDeadlineUpgradeScenarios {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final SubjectId ANNA = SubjectId.of("client-anna");
    private static final Actor DESK = Actor.operator("desk-1");
    private static final String EXTENDED_V3 = "00000000-0000-4000-8000-000000000001";
    private static final String RECEIVED_V3 = "00000000-0000-4000-8000-000000000002";

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /** @return the database's dialect */
    protected abstract Dialect dialect();

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }

    private static Instant endOfMoscowDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(MOSCOW).toInstant().minusNanos(1_000);
    }

    private static void sql(DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** What a migration tool does: run one shipped script, statement by statement. */
    private void apply(DataSource ds, int version) throws SQLException {
        for (String statement : SchemaInstaller.statements(SchemaInstaller.of(ds, "ck_").script(dialect(), version))) {
            sql(ds, statement);
        }
    }

    /** Two requests as the v3 store wrote them: one extended and in progress, one just received. */
    private static void v3Requests(DataSource ds) throws SQLException {
        String request = "INSERT INTO ck_request (request_id, subject_id, request_type, jurisdiction, received_at_us,"
                + " due_at_us, extended_due_at_us, current_due_us, state, is_open, steps) VALUES ";
        String step = "INSERT INTO ck_request_step (request_id, step_no, state, at_us, actor_kind, actor_id, note,"
                + " due_at_us) VALUES ";
        long received = micros("2025-12-24T09:00:00Z");
        long due = micros("2026-01-19T20:59:59.999999Z");
        long extended = micros("2026-01-26T20:59:59.999999Z");
        sql(ds, request + "('" + EXTENDED_V3 + "', 'client-anna', 'ACCESS', 'ru_152fz', " + received + ", " + due + ", "
                + extended + ", " + extended + ", 'EXTENDED', 1, 4)");
        sql(ds, step + "('" + EXTENDED_V3 + "', 1, 'RECEIVED', " + received + ", 'SUBJECT', NULL, NULL, NULL)");
        sql(ds, step + "('" + EXTENDED_V3 + "', 2, 'IDENTITY_VERIFIED', " + (received + 1) + ", 'OPERATOR', 'desk-1', NULL, NULL)");
        sql(ds, step + "('" + EXTENDED_V3 + "', 3, 'IN_PROGRESS', " + (received + 2) + ", 'OPERATOR', 'desk-1', NULL, NULL)");
        sql(ds, step + "('" + EXTENDED_V3 + "', 4, 'EXTENDED', " + (received + 3) + ", 'OPERATOR', 'desk-1',"
                + " 'export of 14 projects', " + extended + ")");
        long erasureDue = micros("2026-01-14T20:59:59.999999Z");
        sql(ds, request + "('" + RECEIVED_V3 + "', 'client-anna', 'ERASURE', 'ru_152fz', " + received + ", " + erasureDue
                + ", NULL, " + erasureDue + ", 'RECEIVED', 1, 1)");
        sql(ds, step + "('" + RECEIVED_V3 + "', 1, 'RECEIVED', " + received + ", 'SUBJECT', NULL, NULL, NULL)");
    }

    @Test
    void aVersion3DatabaseIsUpgradedAndItsRequestsKeepWorkingBesideProvisionalOnes() throws Exception {
        DataSource ds = emptyDatabase();
        apply(ds, 1);
        apply(ds, 2);
        apply(ds, 3);
        v3Requests(ds);

        assertThat(SchemaInstaller.of(ds, "ck_").install()).containsExactly(4);
        MutableClock clock = MutableClock.at("2026-01-20T09:00:00Z");
        ConsentKit kit = ConsentKit.builder().catalog(Fixtures.catalog()).storage(JdbcStorage.builder(ds).build())
                .clock(clock).auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .jurisdiction(Jurisdiction.RU_152FZ).build();
        kit.consent(ANNA, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();

        // read back as written: no basis, not provisional, the v3 extension without its period
        SubjectRequest extended = SubjectRights.builder(kit).build().find(RequestId.of(EXTENDED_V3)).orElseThrow();
        assertThat(extended.state()).isEqualTo(RequestState.EXTENDED);
        assertThat(extended.dueAt()).isEqualTo(endOfMoscowDay("2026-01-19"));
        assertThat(extended.extendedDueAt()).contains(endOfMoscowDay("2026-01-26"));
        assertThat(extended.dueBasis()).isEmpty();
        assertThat(extended.isProvisional()).isFalse();
        assertThat(extended.extension().flatMap(RequestStep::extendedBy)).isEmpty();
        assertThat(extended.extension().flatMap(RequestStep::note)).contains("export of 14 projects");
        assertThat(SubjectRights.builder(kit).build().provisional()).isEmpty();

        // and they take their next steps
        assertThat(SubjectRights.builder(kit).build().complete(extended.id(), "export sent", DESK).state()).isEqualTo(RequestState.COMPLETED);
        SubjectRequest erasure = SubjectRights.builder(kit).build().verifyIdentity(RequestId.of(RECEIVED_V3), DESK);
        assertThat(SubjectRights.builder(kit).build().find(erasure.id())).contains(erasure);
        assertThat(SubjectRights.builder(kit).build().overdue()).extracting(SubjectRequest::id).containsExactly(erasure.id());

        // a request received on 20 December 2026 is provisional beside them, and the 2027 table changes it alone
        clock.set(Instant.parse("2026-12-20T09:00:00Z"));
        SubjectRequest access = SubjectRights.builder(kit).build().receive(ANNA, RequestType.ACCESS, DESK);
        assertThat(access.isProvisional()).isTrue();
        assertThat(SubjectRights.builder(kit).build().find(access.id())).contains(access);
        assertThat(SubjectRights.builder(kit).build().provisional()).containsExactly(access);

        InputStream table = Fixtures.calendarFixture("ru-2027-fixture-later.calendar");
        ConsentKit with2027 = ConsentKit.builder().catalog(Fixtures.catalog()).storage(JdbcStorage.builder(ds).build())
                .clock(clock).auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .jurisdiction(Jurisdiction.RU_152FZ.withCalendar(YearlyWorkingDayCalendar.russia().withTable(table))).build();
        DeadlineRecomputation run = SubjectRights.builder(with2027).build().recomputeProvisionalDeadlines(Actor.system("calendar-2027"));
        assertThat(run.changed()).extracting(RecomputedDeadline::request).containsExactly(access.id());
        assertThat(SubjectRights.builder(with2027).build().find(erasure.id())).contains(erasure);
        assertThat(SubjectRights.builder(with2027).build().requests(ANNA)).extracting(SubjectRequest::isProvisional)
                .containsOnly(false).hasSize(3);
        assertThat(SubjectRights.builder(with2027).build().find(access.id()).orElseThrow().dueAt()).isEqualTo(endOfMoscowDay("2027-01-13"));
        assertThat(AuditTrail.of(with2027).verify().isIntact()).isTrue();
    }
}
