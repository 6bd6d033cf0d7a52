package dev.consentkit.spring;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.rights.SubjectRights;
import static dev.consentkit.spring.app.BookingCatalog.BOOKING;
import static dev.consentkit.spring.app.BookingCatalog.INTERN;
import static dev.consentkit.spring.app.BookingCatalog.REMINDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.spring.actuate.AuditVerifications;
import dev.consentkit.spring.actuate.ConsentKitHealthIndicator;
import dev.consentkit.spring.app.Apps;
import dev.consentkit.spring.app.BookingApplication;
import dev.consentkit.spring.app.Bookings;
import dev.consentkit.spring.app.Client;
import dev.consentkit.spring.app.ClientRepository;
import dev.consentkit.spring.jpa.SealedFields;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Observability (issue 15, item 7): the health indicator reports the schema version and the last
 * verification without verifying per probe, and the meters count checks, denials, opens and refusals
 * and watch request deadlines.
 */
class ActuatorScenariosTest {
    @Test
    void healthReportsTheSchemaAndTheLastVerificationAndGoesDownOnTampering() {
        try (ConfigurableApplicationContext app = Apps.start(Apps.h2("health-" + UUID.randomUUID()), Map.of(),
                BookingApplication.class)) {
            ConsentKitHealthIndicator health = app.getBean(ConsentKitHealthIndicator.class);
            Client client = app.getBean(Bookings.class).register("Anna", "+4915112345678", true, false);

            Health before = health.health(true);
            assertThat(before.getStatus()).isEqualTo(Status.UP);
            assertThat(before.getDetails()).containsEntry("schemaVersion", 4)
                    .containsEntry("verification", Map.of("state", "not run yet"));

            app.getBean(AuditVerifications.class).verifyNow();
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
            assertThat(health.health(true).getDetails().get("verification").toString()).contains("intact");

            new JdbcTemplate(app.getBean(DataSource.class)).update("UPDATE ck_ledger SET kind = 'WITHDRAWN'");
            assertThat(health.health(true).getStatus()).as("a probe does not verify").isEqualTo(Status.UP);
            app.getBean(AuditVerifications.class).verifyNow();
            Health after = health.health(true);
            assertThat(after.getStatus()).isEqualTo(Status.DOWN);
            assertThat(after.getDetails().toString()).contains("tampered").doesNotContain(client.subject().value())
                    .doesNotContain("+49");
        }
    }

    @Test
    void metersCountChecksDenialsOpensAndRefusalsAndWatchRequestDeadlines() {
        try (ConfigurableApplicationContext app = Apps.start(Apps.h2("metrics-" + UUID.randomUUID()),
                Map.of("consentkit.metrics.requests-due-within", "P40D", "consentkit.metrics.requests-refresh", "0s"),
                BookingApplication.class)) {
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            ConsentKit kit = app.getBean(ConsentKit.class);
            ConsentChecks checks = app.getBean(ConsentChecks.class);
            Client anna = app.getBean(Bookings.class).register("Anna", "+4915112345678", true, false);
            SubjectId nobody = SubjectId.of("client-nobody");

            checks.check(anna.subject(), REMINDERS);
            checks.check(nobody, REMINDERS);
            checks.check(nobody, REMINDERS);
            Client loaded = app.getBean(ClientRepository.class).findById(anna.getId()).orElseThrow();
            app.getBean(SealedFields.class).open(loaded.getPhone(), BOOKING);
            assertThatThrownBy(() -> app.getBean(SealedFields.class).open(loaded.getPhone(), BOOKING, INTERN))
                    .isInstanceOf(RuntimeException.class);
            SubjectRights.builder(kit).build().receive(anna.subject(), RequestType.ACCESS, Actor.operator("olga"));
            AuditTrail.of(kit).flushReads(); // opens and refusals are counted once their audit batch is written (within 100 ms)

            assertThat(meters.get("consentkit.checks").tag("purpose", "reminders").tag("outcome", "permitted").counter().count()).isEqualTo(1);
            assertThat(meters.get("consentkit.checks").tag("outcome", "denied").counter().count()).isEqualTo(2);
            assertThat(meters.get("consentkit.denials").tag("reason", "never_given").counter().count()).isEqualTo(2);
            assertThat(meters.get("consentkit.field.opens").tag("outcome", "success").counter().count()).isEqualTo(1);
            assertThat(meters.get("consentkit.refusals").tag("action", "field.open_refused").counter().count()).isEqualTo(1);
            assertThat(meters.get("consentkit.requests.due").gauge().value()).isEqualTo(1);
            assertThat(meters.get("consentkit.requests.overdue").gauge().value()).isZero();
        }
    }
}
