package dev.consentkit.core.json;

import dev.consentkit.core.EventName;
import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_RU;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Receipts rendered from the ledger, written as Kantara v1.1 JSON and read back. */
class ConsentReceiptJsonTest {
    private static final String IP = "203.0.113.7";
    private static final PurposeId FITTING = PurposeId.of("fitting");
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00.123456Z");
    private final ConsentKit kit = Fixtures.kit(InMemoryStorage.create(), clock);
    private final ConsentJson json = ConsentJson.create();
    private final SubjectId anna = SubjectId.of("client-1001");

    private LedgerEntry webCheckbox() {
        return kit.consent(anna, NEWSLETTER).channel(Channel.EMAIL).locale(RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress(IP).userAgent(USER_AGENT).build())
                .idempotencyKey("req-77")
                .give();
    }

    @Test
    void webCheckboxReceiptReadsBackEqual_M4() {
        ConsentReceipt receipt = kit.receipt(webCheckbox());

        String text = json.writeReceipt(receipt);

        assertThat(json.readReceipt(text)).isEqualTo(receipt);
        assertThat(json.writeReceipt(json.readReceipt(text))).isEqualTo(text);
    }

    @Test
    void receiptPinsWhatWasShownAndHowItWasGiven_M4() {
        LedgerEntry entry = webCheckbox();

        ConsentReceipt receipt = kit.receipt(entry);

        assertThat(receipt.consentReceiptId()).isEqualTo(entry.event().id());
        assertThat(receipt.version()).isEqualTo("KI-CR-v1.1.0");
        assertThat(receipt.jurisdiction()).isEqualTo("RU");
        assertThat(receipt.language()).isEqualTo(RU);
        assertThat(receipt.piiPrincipalId()).isEqualTo(anna);
        assertThat(receipt.piiControllers()).extracting(Controller::name).containsExactly("Studio Lumen LLC");
        assertThat(receipt.status()).isEqualTo(ConsentStatus.GIVEN);
        assertThat(receipt.scope().channel()).contains(Channel.EMAIL);
        assertThat(receipt.notice()).get().satisfies(n -> {
            assertThat(n.notice()).isEqualTo(Fixtures.NEWSLETTER_NOTICE);
            assertThat(n.version()).isEqualTo(new NoticeVersion(1, 1));
            assertThat(n.locale()).isEqualTo(RU);
            assertThat(n.textSha256()).isEqualTo(Notice.sha256Hex(NEWSLETTER_RU));
        });
        assertThat(receipt.evidence()).isEqualTo(entry.event().evidence());
        assertThat(receipt.evidence().ipHash()).isPresent();
        assertThat(receipt.collectionMethod()).isEqualTo(CollectionMethod.WEB_CHECKBOX);
        assertThat(receipt.occurredAt()).isEqualTo(clock.instant());
        assertThat(receipt.consentTimestamp()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(receipt.validUntil()).isPresent();
        assertThat(receipt.services()).singleElement().satisfies(s -> {
            assertThat(s.service()).isEqualTo("Newsletter");
            assertThat(s.purposes()).singleElement().satisfies(p -> {
                assertThat(p.consentType()).isEqualTo(ConsentType.EXPRESSED);
                assertThat(p.piiCategory()).containsExactly("Contact details");
                assertThat(p.termination()).contains("data kept 1 year after withdrawal of consent");
                // MailCourier is a processor, not a third party
                assertThat(p.thirdPartyDisclosure()).isFalse();
            });
        });
        assertThat(receipt.sensitive()).isFalse();
        assertThat(kit.receipt(entry)).isEqualTo(receipt);
    }

    @Test
    void jsonUsesKantaraFieldNamesAndVersion() throws Exception {
        String text = json.writeReceipt(kit.receipt(webCheckbox()));
        JsonNode tree = new ObjectMapper().readTree(text);

        assertThat(tree.path("version").asText()).isEqualTo("KI-CR-v1.1.0");
        assertThat(tree.path("consentTimestamp").isIntegralNumber()).isTrue();
        assertThat(tree.path("consentTimestamp").asLong()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z").getEpochSecond());
        assertThat(tree.path("consentReceiptID").asText()).matches("[0-9a-f-]{36}");
        assertThat(tree.path("language").asText()).isEqualTo("ru");
        assertThat(tree.path("piiPrincipalId").asText()).isEqualTo("client-1001");
        assertThat(tree.path("piiControllers").get(0).path("piiController").asText()).isEqualTo("Studio Lumen LLC");
        assertThat(tree.fieldNames()).toIterable().containsExactly("version", "jurisdiction", "consentTimestamp",
                "collectionMethod", "consentReceiptID", "language", "piiPrincipalId", "piiControllers", "services",
                "sensitive", "spiCat", "consentKit");
        JsonNode purpose = tree.path("services").get(0).path("purposes").get(0);
        assertThat(purpose.fieldNames()).toIterable().containsExactly("purpose", "purposeCategory", "consentType",
                "piiCategory", "primaryPurpose", "termination", "thirdPartyDisclosure");
        JsonNode ours = tree.path("consentKit");
        assertThat(ours.path("status").asText()).isEqualTo("dpv:ConsentGiven");
        assertThat(ours.path("occurredAt").asText()).isEqualTo("2026-03-02T10:00:00.123456Z");
        assertThat(ours.path("notice").path("textSha256").asText()).isEqualTo(Notice.sha256Hex(NEWSLETTER_RU));
        assertThat(ours.path("notice").path("version").asText()).isEqualTo("1.1");
        assertThat(ours.has("asset")).as("absent optionals are left out").isFalse();
        assertThat(text).startsWith("{\n  \"version\": \"KI-CR-v1.1.0\",\n");
    }

    @Test
    void jsonNeverHoldsTheRawIpAddressOrUserAgent() {
        LedgerEntry entry = webCheckbox();

        String text = json.writeReceipt(kit.receipt(entry)) + json.writeHistory(kit.history(anna));

        assertThat(text).doesNotContain(IP).doesNotContain("Firefox").doesNotContain("Mozilla")
                .contains(entry.event().evidence().ipHash().orElseThrow().value());
    }

    @Test
    void operatorRecordedPaperConsentForAMinorReadsBackEqual_M4() {
        ConsentKit studio = ConsentKit.builder().catalog(fittingCatalog()).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        Instant signed = Instant.parse("2026-03-01T16:30:12.345678Z");
        LedgerEntry entry = studio.consent(SubjectId.of("client-2040"), FITTING).asset(AssetId.of("order-315"))
                .notice("1.0", EN)
                .occurredAt(signed)
                .evidence(studio.evidence(CollectionMethod.PAPER_FORM).formId("paper-consent-v2")
                        .recordedBy(Actor.operator("desk-1")).guardian("guardian-77")
                        .attachment("scans/2026/03/form-17.pdf").build())
                .give();

        ConsentReceipt receipt = studio.receipt(entry);
        ConsentReceipt read = json.readReceipt(json.writeReceipt(receipt));

        assertThat(read).isEqualTo(receipt);
        assertThat(read.language()).isEqualTo(Locale.ENGLISH);
        assertThat(read.occurredAt()).isEqualTo(signed);
        assertThat(read.consentTimestamp()).isEqualTo(Instant.parse("2026-03-01T16:30:12Z"));
        assertThat(read.recordedAt()).isEqualTo(clock.instant());
        assertThat(read.scope().asset()).contains(AssetId.of("order-315"));
        assertThat(read.evidence().recordedBy()).isEqualTo(Actor.operator("desk-1"));
        assertThat(read.evidence().guardian()).contains("guardian-77");
        assertThat(read.evidence().attachmentRef()).contains("scans/2026/03/form-17.pdf");
        assertThat(read.policyUrl()).contains(URI.create("https://atelier.example/privacy/2026"));
        assertThat(read.piiControllers()).singleElement().satisfies(c -> {
            assertThat(c.email()).contains("privacy@atelier.example");
            assertThat(c.address()).contains("12 Tverskaya St, Moscow");
        });
        assertThat(read.sensitive()).isTrue();
        assertThat(read.spiCat()).containsExactly("Body measurements");
        assertThat(read.services().get(0).purposes().get(0)).satisfies(p -> {
            assertThat(p.consentType()).isEqualTo(ConsentType.EXPLICIT);
            assertThat(p.piiCategory()).containsExactly("Contact details", "Body measurements");
            assertThat(p.thirdPartyDisclosure()).isTrue();
            assertThat(p.thirdPartyName()).contains("Tailor Partners LLC");
            assertThat(p.termination()).contains("data kept 2 years 6 months after the business event order.closed");
        });
    }

    @Test
    void withdrawalHasAReceiptWithoutNotice() {
        webCheckbox();
        clock.advance(Duration.ofMinutes(3));
        LedgerEntry withdrawn = kit.consent(anna, NEWSLETTER).channel(Channel.EMAIL)
                .evidence(kit.evidence(CollectionMethod.EMAIL_CONFIRMATION).build()).withdraw();

        ConsentReceipt receipt = kit.receipt(withdrawn);
        String text = json.writeReceipt(receipt);

        assertThat(receipt.status()).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(receipt.notice()).isEmpty();
        assertThat(receipt.language()).isEqualTo(RU);
        assertThat(text).contains("\"status\": \"dpv:ConsentWithdrawn\"").doesNotContain("textSha256");
        assertThat(json.readReceipt(text)).isEqualTo(receipt);
    }

    @Test
    void restrictionHasNoReceipt() {
        LedgerEntry restricted = kit.restrict(anna, ORDERS, Actor.operator("dpo"));

        assertThatThrownBy(() -> kit.receipt(restricted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RESTRICTED")
                .hasMessageContaining("no consent status");
    }

    @Test
    void receiptsOfDifferentLanguagesRenderTheCatalogueTexts() {
        LedgerEntry english = kit.consent(anna, NEWSLETTER).locale(EN)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();

        ConsentReceipt receipt = kit.receipt(english);

        assertThat(receipt.language()).isEqualTo(EN);
        assertThat(receipt.services().get(0).purposes().get(0).purpose())
                .isEqualTo("News about new products and offers by e-mail or SMS.");
        assertThat(json.readReceipt(json.writeReceipt(receipt))).isEqualTo(receipt);
    }

    /** A tailor's catalogue: a sensitive category, a third party, full controller details. */
    private static ProcessingCatalog fittingCatalog() {
        NoticeId notice = NoticeId.of("fitting-notice");
        return ProcessingCatalog.builder()
                .controller(new Controller("Atelier Nord LLC", "Data protection officer",
                        Optional.of("privacy@atelier.example"), Optional.of("12 Tverskaya St, Moscow"),
                        Optional.of(URI.create("https://atelier.example"))))
                .jurisdiction("RU")
                .defaultLocale(RU)
                .policyUrl(URI.create("https://atelier.example/privacy/2026"))
                .category(new DataCategory(CategoryId.of("measurements"), LocalizedText.of(EN, "Body measurements"), true))
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(EN, "Contact details"), false))
                .notice(Notice.builder(notice)
                        .version("1.0", LocalizedText.of(RU, "Я согласен на обработку моих мерок для пошива.")
                                .and(EN, "I agree to the processing of my measurements for tailoring."))
                        .build())
                .purpose(Purpose.builder(FITTING)
                        .name(LocalizedText.of(EN, "Tailoring"))
                        .description(LocalizedText.of(EN, "Taking measurements and sewing the ordered garment."))
                        .basis(LegalBasis.CONSENT)
                        .consentType(ConsentType.EXPLICIT)
                        .categories(CategoryId.of("measurements"), CategoryId.of("contact"))
                        .notice(notice)
                        .recipient(Recipient.of("Tailor Partners LLC", Recipient.Role.THIRD_PARTY))
                        .recipient(Recipient.of("CloudBox Ltd", Recipient.Role.PROCESSOR))
                        .retention(RetentionDeclaration.afterEvent(Period.of(2, 6, 0), EventName.of("order.closed")))
                        .build())
                .build();
    }
}
