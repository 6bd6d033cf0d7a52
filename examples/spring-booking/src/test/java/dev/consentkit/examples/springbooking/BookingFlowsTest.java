package dev.consentkit.examples.springbooking;

import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.rights.ErasureOutcome;
import dev.consentkit.core.rights.ErasureRequest;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.crypto.FieldCrypto;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's flows on H2, through its own beans and over HTTP: a booking and its consent in one
 * transaction (committed together, rolled back together), the export, the withdrawal, erasure, and the
 * phone number shown to staff only with a role that may read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingFlowsTest {
    @Autowired
    BookingService service;
    @Autowired
    ConsentDesk desk;
    @Autowired
    ConsentKit kit;
    @Autowired
    Clients clients;
    @Autowired
    Bookings bookings;
    @Autowired
    SubjectDataService subjectData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** R-GDPR-7 (demonstrable consent: the notice text pinned), R-GDPR-4 (the phone stored sealed). */
    @Test
    void bookingStoresClientSealedPhoneAndConsentPinnedToTheNoticeShown() {
        Client client = service.book(Forms.form("Anna Berg", "+4930111222", true), Forms.SUBMISSION);

        assertThat(clients.findById(client.getId())).isPresent();
        String stored = jdbc.queryForObject("SELECT phone FROM client WHERE id = ?", String.class, client.getId());
        assertThat(stored).startsWith("ck1.").doesNotContain("4930111222");
        assertThat(kit.check(client.subject(), HarbourCatalog.REMINDERS).isPermitted()).isTrue();
        ConsentEvent given = kit.history(client.subject()).entries().get(0).event();
        assertThat(given.kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
        String shown = desk.offers().get(0).text();
        assertThat(given.notice().orElseThrow().textSha256()).isEqualTo(Forms.sha256(shown));
        assertThat(given.notice().orElseThrow().version()).hasToString("1.0");
    }

    /** R-GDPR-8 (consent only by an affirmative act; the booking rests on the contract). */
    @Test
    void boxNotTickedRecordsNoConsentButTheBooking() {
        Client client = service.book(Forms.form("Ben Kurz", "+4930111223", false), Forms.SUBMISSION);

        assertThat(bookings.findByClientIdOrderBySlot(client.getId())).hasSize(1);
        assertThat(kit.history(client.subject()).entries()).isEmpty();
        assertThat(((Decision.Denied) kit.check(client.subject(), HarbourCatalog.REMINDERS)).reason())
                .isEqualTo(DenialReason.NEVER_GIVEN);
    }

    /** issue 15 item 2: the consent joins the application's transaction and rolls back with it. */
    @Test
    void failureAfterTheConsentRollsBackClientAndConsent() {
        long before = clients.count();
        SubjectId[] subject = new SubjectId[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            Client client = service.book(Forms.form("Cara Lind", "+4930111224", true), Forms.SUBMISSION);
            subject[0] = client.subject();
            // inside the transaction both are there ...
            assertThat(clients.findById(client.getId())).isPresent();
            assertThat(kit.check(client.subject(), HarbourCatalog.REMINDERS).isPermitted()).isTrue();
            throw new IllegalStateException("the payment step failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the payment step failed");

        // ... and after the rollback neither is
        assertThat(clients.count()).isEqualTo(before);
        assertThat(kit.history(subject[0]).entries()).isEmpty();
        assertThat(kit.check(subject[0], HarbourCatalog.REMINDERS).isPermitted()).isFalse();
    }

    /** issue 15 item 2: a database failure after the consent rolls back both. */
    @Test
    void slotTakenAtTheFlushAfterTheConsentLeavesNeitherClientNorConsent() {
        BookingForm first = Forms.form("Dana Ost", "+4930111225", false);
        service.book(first, Forms.SUBMISSION);
        long clientsBefore = clients.count();
        int permittedBefore = permitted();

        BookingForm second = Forms.form("Emil Nord", "+4930111226", true);
        second.setSlot(first.getSlot());
        assertThatThrownBy(() -> service.book(second, Forms.SUBMISSION)).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(clients.count()).isEqualTo(clientsBefore);
        assertThat(permitted()).isEqualTo(permittedBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE name = 'Emil Nord'", Integer.class)).isZero();
    }

    /** bad input stores nothing (Bean Validation on the plaintext of a sealed field). */
    @Test
    void invalidPhoneStoresNothing() {
        long before = clients.count();
        BookingForm form = Forms.form("Finn Sand", "030 111", true);

        assertThatThrownBy(() -> service.book(form, Forms.SUBMISSION)).isInstanceOf(ConstraintViolationException.class);
        assertThat(clients.count()).isEqualTo(before);
    }

    /** R-GDPR-14, R-GDPR-16 (access and portability, structured and machine-readable). */
    @Test
    void exportIsJsonWithTheConsentHistoryAndThePhoneOpenedForTheClient() throws Exception {
        Client client = service.book(Forms.form("Greta Holm", "+4930111227", true), Forms.SUBMISSION);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/me/" + client.getId() + "/export")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        assertThat(response.body()).contains("+4930111227", "Greta Holm", "reminders", client.subject().value());
        List<SubjectRequest> requests = SubjectRights.builder(kit).build().requests(client.subject());
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(RequestType.PORTABILITY);
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
        });
    }

    /** R-GDPR-9 (withdrawal recorded; a repeated click changes nothing). */
    @Test
    void withdrawalIsRecordedAndASecondOneFindsNothingToWithdraw() {
        Client client = service.book(Forms.form("Hanna Ek", "+4930111228", true), Forms.SUBMISSION);

        assertThat(desk.withdraw(client.subject(), HarbourCatalog.REMINDERS)).isTrue();
        assertThat(desk.withdraw(client.subject(), HarbourCatalog.REMINDERS)).isFalse();

        List<LedgerEntry> entries = kit.history(client.subject()).entries();
        assertThat(entries).extracting(e -> e.event().kind())
                .containsExactly(ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN);
        assertThat(desk.states(client.subject())).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo("withdrawn"));
    }

    /** R-GDPR-20 (role-based access to decryption, every opening and refusal audited). */
    @Test
    void staffSeeThePhoneOnlyWithARoleThatMayReadIt() throws Exception {
        Client client = service.book(Forms.form("Ida Strand", "+4930111229", false), Forms.SUBMISSION);
        String card = "/staff/clients/" + client.getId();

        HttpResponse<String> asOlga = get(card, "olga", "olga-demo");
        assertThat(asOlga.statusCode()).isEqualTo(200);
        assertThat(asOlga.body()).contains("+4930111229").doesNotContain("phone-hidden");

        HttpResponse<String> asIvan = get(card, "ivan", "ivan-demo");
        assertThat(asIvan.statusCode()).isEqualTo(200);
        assertThat(asIvan.body()).contains("Ida Strand", "phone-hidden").doesNotContain("4930111229");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(url(card)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("4930111229");

        // Olga's opening and Ivan's refusal are both audit records of this client's cell
        assertThat(auditActionsOf(client.subject())).contains(FieldCrypto.FIELD_OPENED, FieldCrypto.FIELD_OPEN_REFUSED);
    }

    /** R-GDPR-15 (erasure of the application's rows and the consent). */
    @Test
    void erasureRemovesTheClientAndWithdrawsTheirConsent() {
        Client client = service.book(Forms.form("Jon Berg", "+4930111230", true), Forms.SUBMISSION);

        ErasureOutcome outcome = subjectData.erase(ErasureRequest.builder(client.subject(), Actor.operator("dpo-1")).build());

        assertThat(outcome.isComplete()).isTrue();
        assertThat(clients.findById(client.getId())).isEmpty();
        assertThat(bookings.findByClientIdOrderBySlot(client.getId())).isEmpty();
        assertThat(kit.check(client.subject(), HarbourCatalog.REMINDERS).isPermitted()).isFalse();
    }

    private List<AuditAction> auditActionsOf(SubjectId subject) {
        KeyedHash ref = kit.subjectRef(subject);
        return AuditTrail.of(kit).records(1, 10_000).stream().map(AuditRecord::event)
                .filter(e -> e.subjectRef().filter(ref::equals).isPresent()).map(AuditEvent::action).toList();
    }

    private int permitted() {
        AtomicInteger n = new AtomicInteger();
        kit.forEachPermitted(HarbourCatalog.REMINDERS, s -> n.incrementAndGet());
        return n.get();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
