package dev.consentkit.core;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.ConsentKit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.testkit.fixtures.TraceLogCapture;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §5: no personal data and no key material in logs, messages, {@code toString()} or audit
 * events. A full scenario - consent with IP address and user agent, withdrawal, suppression of an
 * e-mail address and a phone number, restriction, objection, expiry, re-consent campaign, audit
 * read-out, and a run of refused calls - is played while SLF4J output is captured at TRACE, and
 * everything the library said is searched for the plaintext it was given.
 *
 * <p>slf4j-simple fixes a logger's level when the logger is created, and {@code ConsentKit}'s logger
 * may already exist at INFO from an earlier test in this JVM. So the scenario runs in its own class
 * loader with a fresh SLF4J, set to TRACE, that writes to the captured {@code System.err}.
 */
class NoPersonalDataInLogsTest {
    static final String SUBJECT = "client-5521";
    static final String EMAIL = " Anna.Petrova@Example.org ";
    static final String EMAIL_NORMALIZED = "anna.petrova@example.org";
    static final String BAD_EMAIL = "anna.petrova(at)example.org";
    static final String PHONE = "+7 912 345-67-89";
    static final String PHONE_NORMALIZED = "+79123456789";
    static final String IP = "203.0.113.77";
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    static final String VALUE = "value: ";
    static final String ERROR = "error: ";
    static final String AUDIT = "audit: ";

    /** Personal values of the data subject: never in anything the library says. */
    private static final List<String> PERSONAL = List.of(EMAIL.strip(), EMAIL_NORMALIZED, BAD_EMAIL, PHONE,
            PHONE_NORMALIZED, "9123456789", IP, USER_AGENT, "Firefox/140.0");

    private static String log;
    private static List<String> said;

    @BeforeAll
    static void playTheScenario() throws Exception {
        TraceLogCapture capture = TraceLogCapture.run(Scenario.class, TraceLogCapture.codeSources(ConsentKit.class, NoPersonalDataInLogsTest.class, org.slf4j.LoggerFactory.class, org.slf4j.simple.SimpleLogger.class));
        log = capture.log();
        said = capture.said();
    }


    private static List<String> said(String kind) {
        return said.stream().filter(s -> s.startsWith(kind)).map(s -> s.substring(kind.length())).toList();
    }

    @Test
    void theCaptureSeesTheLibrarysLogAtDebugLevel() {
        assertThat(log).as("captured log").contains("DEBUG dev.consentkit.ConsentKit - ConsentKit built")
                .contains("expiry-sweep recorded").contains("notice-sweep recorded");
        assertThat(said(VALUE)).hasSizeGreaterThan(20);
        assertThat(said(ERROR)).hasSize(Scenario.REFUSED_CALLS);
    }

    /** M21: every change of the scenario, and nothing else, left exactly one audit record. */
    @Test
    void everyChangeOfTheScenarioIsAuditedOnce_M21() {
        assertThat(said(AUDIT)).extracting(r -> r.replaceAll(".*action=([a-z._]+),.*", "$1")).containsExactly(
                "consent.given", "consent.given", "consent.given", "consent.withdrawn",
                "suppression.added", "suppression.added",
                "processing.restricted", "processing.restriction_lifted", "processing.objected",
                "consent.expired", "consent.given", "consent.invalidated");
    }

    @Test
    void theLogHoldsNoPersonalValueNoSubjectIdAndNoKey() {
        assertThat(log).doesNotContain(PERSONAL).doesNotContain(SUBJECT).doesNotContain(keyMaterial());
    }

    @Test
    void exceptionMessagesHoldNoPersonalValueNoSubjectIdAndNoKey() {
        for (String message : said(ERROR)) {
            assertThat(message).doesNotContain(PERSONAL).doesNotContain(SUBJECT).doesNotContain(keyMaterial());
        }
    }

    @Test
    void auditRecordsHoldNoPersonalValueNoSubjectIdAndNoKey_M21() {
        for (String record : said(AUDIT)) {
            assertThat(record).doesNotContain(PERSONAL).doesNotContain(SUBJECT).doesNotContain(keyMaterial());
        }
    }

    /**
     * Returned values (entries, decisions, histories, evidence, the kit) hold no personal value and no
     * key. They may name the subject id: it is the host's own key, not a personal value (see
     * {@link SubjectId}), and a decision or ledger entry that did not say whose it is would be useless.
     */
    @Test
    void returnedValuesHoldNoPersonalValueAndNoKey() {
        for (String value : said(VALUE)) {
            assertThat(value).doesNotContain(PERSONAL).doesNotContain(keyMaterial());
        }
    }

    private static String[] keyMaterial() {
        List<String> forms = new ArrayList<>();
        for (HmacKey key : List.of(Fixtures.auditKey(), Fixtures.pseudonymKey())) {
            forms.add(Base64.getEncoder().encodeToString(key.bytes()));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key.bytes()));
            forms.add(HexFormat.of().formatHex(key.bytes()));
        }
        return forms.toArray(String[]::new);
    }

    /**
     * The host's session, run in the isolated class loader. Uses only the library, the fixtures and the
     * JDK; returns everything the library said, each line prefixed with what it is.
     */
    public static final class Scenario implements Callable<List<String>> {
        static final int REFUSED_CALLS = 8;
        private final List<String> said = new ArrayList<>();

        private <T> T value(T returned) {
            said.add(VALUE + returned);
            return returned;
        }

        private void refused(Supplier<?> call) {
            try {
                said.add(VALUE + call.get());
                throw new IllegalStateException("expected the call to be refused");
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    said.add(ERROR + t);
                }
            }
        }

        @Override
        public List<String> call() {
            MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
            InMemoryStorage storage = InMemoryStorage.create();
            ConsentKit kit = value(Fixtures.kit(storage, clock));
            SubjectId anna = value(SubjectId.of(SUBJECT));

            Evidence web = value(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").ipAddress(IP)
                    .userAgent(USER_AGENT).build());
            value(kit.consent(anna, Fixtures.NEWSLETTER).channel(Channel.EMAIL).evidence(web)
                    .idempotencyKey("req-1").give());
            value(kit.consent(anna, Fixtures.NEWSLETTER).channel(Channel.SMS).evidence(web).give());
            value(kit.consent(anna, Fixtures.PORTFOLIO).asset(AssetId.of("project-42"))
                    .evidence(value(kit.evidence(CollectionMethod.PAPER_FORM).recordedBy(Actor.operator("desk-1"))
                            .attachment("scans/form-17.pdf").build()))
                    .give());
            value(kit.check(anna, Fixtures.NEWSLETTER));
            value(kit.checkAll(List.of(anna), Fixtures.NEWSLETTER, Channel.EMAIL));

            clock.advance(Duration.ofDays(1));
            value(kit.consent(anna, Fixtures.NEWSLETTER).channel(Channel.EMAIL).evidence(web).withdraw());
            value(kit.check(ConsentScope.of(anna, Fixtures.NEWSLETTER).withChannel(Channel.EMAIL)));

            ContactPoint email = value(ContactPoint.email(EMAIL));
            value(kit.suppress(email, Fixtures.NEWSLETTER, Actor.subject()));
            value(kit.suppressEverywhere(value(ContactPoint.phone(PHONE)), Actor.operator("desk-1")));
            value(kit.check(ConsentScope.of(anna, Fixtures.NEWSLETTER), email));
            value(email.hash(KitContext.of(kit).hasher()));

            value(kit.restrict(anna, Fixtures.ORDERS, Actor.operator("dpo")));
            value(kit.check(anna, Fixtures.ORDERS));
            value(kit.liftRestriction(anna, Fixtures.ORDERS, Actor.operator("dpo")));
            value(kit.object(anna, Fixtures.INVOICES, Actor.subject()));

            clock.advance(Duration.ofDays(400));
            value(kit.expireLapsed());
            value(kit.consent(anna, Fixtures.NEWSLETTER).evidence(web).give());
            value(reconsentKit(storage, clock).invalidateOutdated());
            value(kit.history(anna));

            refused(() -> kit.consent(SubjectId.of("client-5522"), Fixtures.NEWSLETTER).evidence(web).withdraw());
            refused(() -> kit.consent(anna, PurposeId.of("telemarketing")).evidence(web).give());
            refused(() -> kit.consent(anna, Fixtures.NEWSLETTER).channel(Channel.POST).evidence(web)
                    .idempotencyKey("req-1").give());
            refused(() -> kit.consent(anna, Fixtures.NEWSLETTER).evidence(web)
                    .occurredAt(clock.instant().plus(Duration.ofHours(1))).give());
            refused(() -> kit.consent(anna, Fixtures.NEWSLETTER).evidence(web).locale(Locale.GERMAN).give());
            refused(() -> ContactPoint.email(BAD_EMAIL));
            refused(() -> SubjectId.of(SUBJECT + " "));
            refused(() -> kit.consent(anna, Fixtures.ORDERS).evidence(web).give());

            value(AuditTrail.of(kit).verify());
            AuditCheckpoint checkpoint = value(AuditTrail.of(kit).checkpoint());
            value(AuditTrail.of(kit).verify(checkpoint));
            AuditTrail.of(kit).records(1, 1000).forEach(r -> said.add(AUDIT + r));
            return said;
        }

        /** The same kit after the newsletter notice changed in a major way. */
        private static ConsentKit reconsentKit(InMemoryStorage storage, MutableClock clock) {
            Notice v2 = Notice.builder(NoticeId.of("newsletter-notice"))
                    .version("2.0", LocalizedText.of(Fixtures.RU, "Я согласен получать новости, в том числе от партнёров.")
                            .and(Fixtures.EN, "I agree to receive news, also from partners."))
                    .build();
            return ConsentKit.builder().catalog(Fixtures.catalog(v2)).storage(storage).clock(clock)
                    .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        }
    }
}
