package dev.consentkit.examples.springbooking;

import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.jdbc.testing.DatabaseServer;
import dev.consentkit.jdbc.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application with its {@code postgres} profile on a real PostgreSQL server (a throwaway one,
 * started by consent-jdbc's {@link DatabaseServer}): both Flyway runs, the booking and its consent
 * committed and rolled back together, export, withdrawal, the phone by role, and a second start on
 * the same database.
 */
class SpringBookingPostgresTest {
    @RegisterExtension
    static final DatabaseServer POSTGRES = DatabaseServer.postgres();

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        if (app != null) {
            app.close();
        }
    }

    private ConfigurableApplicationContext start(TestDatabase db) {
        // command-line arguments: they override the postgres profile's settings, as an operator's would
        return new SpringApplicationBuilder(SpringBookingApplication.class).profiles("postgres", "demo")
                .run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(), "--server.port=0",
                        "--consentkit.health.verify-interval=0s");
    }

    @Test
    void theFlowsOnPostgresql() {
        TestDatabase db = POSTGRES.freshDatabase();
        app = start(db);
        BookingService service = app.getBean(BookingService.class);
        ConsentDesk desk = app.getBean(ConsentDesk.class);
        ConsentKit kit = app.getBean(ConsentKit.class);
        Clients clients = app.getBean(Clients.class);

        // committed together
        BookingForm form = Forms.form("Nora Lund", "+4930333444", true);
        Client nora = service.book(form, Forms.SUBMISSION);
        assertThat(clients.findById(nora.getId())).isPresent();
        assertThat(kit.check(nora.subject(), HarbourCatalog.REMINDERS).isPermitted()).isTrue();
        assertThat(kit.history(nora.subject()).entries().get(0).event().notice().orElseThrow().textSha256())
                .isEqualTo(Forms.sha256(desk.offers().get(0).text()));

        // the slot taken: the database refuses the booking at the flush, after the consent was written
        long count = clients.count();
        BookingForm taken = Forms.form("Otto Vik", "+4930333445", true);
        taken.setSlot(form.getSlot());
        assertThatThrownBy(() -> service.book(taken, Forms.SUBMISSION)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(clients.count()).isEqualTo(count);

        // a failure after the consent, seen inside the transaction first
        SubjectId[] failed = new SubjectId[1];
        assertThatThrownBy(() -> app.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
            Client c = service.book(Forms.form("Pia Ros", "+4930333446", true), Forms.SUBMISSION);
            failed[0] = c.subject();
            assertThat(kit.check(c.subject(), HarbourCatalog.REMINDERS).isPermitted()).isTrue();
            throw new IllegalStateException("the payment step failed");
        })).hasMessage("the payment step failed");
        assertThat(clients.count()).isEqualTo(count);
        assertThat(kit.history(failed[0]).entries()).isEmpty();

        // export, phone by role, withdrawal
        assertThat(desk.exportJson(nora.subject())).contains("+4930333444", "Nora Lund");
        Client loaded = clients.findById(nora.getId()).orElseThrow();
        actAs("olga", HarbourCatalog.STAFF_ROLE);
        assertThat(desk.phone(loaded)).contains("+4930333444");
        actAs("ivan", HarbourCatalog.INTERN_ROLE);
        assertThat(desk.phone(loaded)).isEmpty();
        assertThat(desk.withdraw(nora.subject(), HarbourCatalog.REMINDERS)).isTrue();
        assertThat(kit.history(nora.subject()).entries()).extracting(e -> e.event().kind())
                .containsExactly(ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN);

        // a second start on the same database: both Flyway runs find nothing to do, the data is there
        app.close();
        app = start(db);
        assertThat(app.getBean(Clients.class).findById(nora.getId())).isPresent();
        assertThat(AuditTrail.of(app.getBean(ConsentKit.class)).verify().isIntact()).isTrue();
        assertThat(app.getBean(ConsentDesk.class).states(nora.subject())).extracting(ConsentDesk.State::state)
                .isEqualTo(List.of("withdrawn"));
    }

    private static void actAs(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
