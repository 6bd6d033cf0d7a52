package dev.consentkit.core.transparency;

import static dev.consentkit.core.transparency.Docs.EN;
import static dev.consentkit.core.transparency.Docs.NEWSLETTER;
import static dev.consentkit.core.transparency.Docs.PORTFOLIO;
import static dev.consentkit.core.transparency.Docs.RU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden files of every document in both languages and both formats (issue 7 "done when"). */
class GoldenDocumentsTest {
    private static final Transparency DOCS = Docs.full();

    static Stream<Arguments> languagesAndFormats() {
        return Stream.of(RU, EN).flatMap(l -> Stream.of(Format.values()).map(f -> Arguments.of(l, f)));
    }

    private static String file(String kind, Locale locale, Format format) {
        return kind + "." + locale.getLanguage() + "." + format.extension();
    }

    @ParameterizedTest(name = "policy {0} {1}")
    @MethodSource("languagesAndFormats")
    void privacyPolicy(Locale locale, Format format) {
        Document policy = DOCS.policy(locale, format);

        assertThat(policy.locale()).isEqualTo(locale);
        Docs.assertGolden(file("policy", locale, format), policy.text());
    }

    @ParameterizedTest(name = "consent form {0} {1}")
    @MethodSource("languagesAndFormats")
    void checkboxConsentForm(Locale locale, Format format) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, locale, format);

        assertThat(ConsentFormValidator.problems(form)).isEmpty();
        Docs.assertGolden(file("consent-form.newsletter", locale, format), form.text());
    }

    @ParameterizedTest(name = "written consent {0} {1}")
    @MethodSource("languagesAndFormats")
    void writtenConsentForm(Locale locale, Format format) {
        ConsentForm form = DOCS.consentForm(NEWSLETTER, locale, format, ConsentForm.Variant.WRITTEN);

        assertThat(form.elements()).containsOnlyKeys(FormElement.values());
        Docs.assertGolden(file("written-consent.newsletter", locale, format), form.text());
    }

    @ParameterizedTest(name = "receipts {0} {1}")
    @MethodSource("languagesAndFormats")
    void receiptsAfterGivingAndWithdrawing(Locale locale, Format format) {
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        ProcessingCatalog published = DOCS.publishForms("2.0", ConsentForm.Variant.CHECKBOX, format);
        ConsentKit kit = Docs.kit(published, clock);
        SubjectId anna = SubjectId.of("client-1001");
        LedgerEntry given = kit.consent(anna, NEWSLETTER).channel(Channel.EMAIL).notice("2.0", locale)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build()).give();
        clock.advance(Duration.ofDays(40));
        LedgerEntry withdrawn = kit.consent(anna, NEWSLETTER).channel(Channel.EMAIL)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("account").build()).locale(locale).withdraw();

        Document givenReceipt = DOCS.receipt(fixedId(kit.receipt(given), "4f0c5bde-2a1e-4c55-9d39-6e0f3b0a8a01"), locale, format);
        Document withdrawnReceipt = DOCS.receipt(fixedId(kit.receipt(withdrawn), "9b7e1f40-0c2d-4e8b-a7f5-1d2c3b4a5e02"), locale, format);

        assertThat(givenReceipt.text()).contains(kit.receipt(given).notice().orElseThrow().textSha256());
        Docs.assertGolden(file("receipt.given", locale, format), givenReceipt.text());
        Docs.assertGolden(file("receipt.withdrawn", locale, format), withdrawnReceipt.text());
    }

    @ParameterizedTest(name = "portfolio form {0} {1}")
    @MethodSource("languagesAndFormats")
    void aPurposeWithoutRecipientsSaysNothingAboutThem(Locale locale, Format format) {
        ConsentForm form = DOCS.consentForm(PORTFOLIO, locale, format);

        assertThat(form.text()).doesNotContain("MailFlow").doesNotContain("Courier");
        assertThat(ConsentFormValidator.problems(form)).isEmpty();
    }

    /** Ledger event ids are random; the golden file pins one. */
    private static ConsentReceipt fixedId(ConsentReceipt r, String id) {
        return new ConsentReceipt(UUID.fromString(id), r.jurisdiction(), r.language(), r.piiControllers(), r.policyUrl(),
                r.services(), r.spiCat(), r.scope(), r.status(), r.occurredAt(), r.recordedAt(), r.validUntil(), r.notice(),
                r.evidence());
    }
}
