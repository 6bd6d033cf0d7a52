package dev.consentkit.core.transparency;

import static dev.consentkit.core.transparency.Docs.EN;
import static dev.consentkit.core.transparency.Docs.NEWSLETTER;
import static dev.consentkit.core.transparency.Docs.NEWSLETTER_NOTICE;
import static dev.consentkit.core.transparency.Docs.PORTFOLIO;
import static dev.consentkit.core.transparency.Docs.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The notice shown and the notice proven are the same bytes (M4): a Given event pins the rendered form's SHA-256. */
class FormNoticeTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"ru, MARKDOWN, CHECKBOX", "en, HTML, CHECKBOX", "ru, HTML, WRITTEN", "en, MARKDOWN, WRITTEN"})
    void aGivenEventPinsTheHashOfTheFormShown(String language, Format format, ConsentForm.Variant variant) {
        Locale locale = Locale.forLanguageTag(language);
        Transparency docs = Docs.full();
        ProcessingCatalog published = docs.publishForms("2.0", variant, format);
        ConsentKit kit = Docs.kit(published, clock);
        // what the client sees, rendered from the catalogue the kit runs on
        ConsentForm shown = Transparency.builder(kit).locales(RU, EN).build().consentForm(NEWSLETTER, locale, format, variant);

        LedgerEntry given = kit.consent(SubjectId.of("client-7"), NEWSLETTER).notice("2.0", locale)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();

        NoticeRef pinned = given.event().notice().orElseThrow();
        assertThat(pinned.version()).isEqualTo(NoticeVersion.parse("2.0"));
        assertThat(pinned.textSha256()).isEqualTo(shown.sha256());
        assertThat(published.notice(NEWSLETTER_NOTICE).orElseThrow().text(pinned.version()).orElseThrow().in(locale))
                .hasValue(shown.text());
        assertThat(kit.receipt(given).notice()).hasValue(pinned);
        assertThat(kit.check(SubjectId.of("client-7"), NEWSLETTER).isPermitted()).isTrue();
    }

    @Test
    void publishingKeepsEarlierVersionsAndMakesTheFormCurrent() {
        Transparency docs = Docs.full();
        Notice notice = docs.formNotice(NEWSLETTER, "2.0", ConsentForm.Variant.CHECKBOX, Format.MARKDOWN);

        assertThat(notice.versions()).containsExactly(NoticeVersion.parse("1.0"), NoticeVersion.parse("2.0"));
        assertThat(notice.text(notice.current()).orElseThrow().in(RU))
                .hasValue(docs.consentForm(NEWSLETTER, RU, Format.MARKDOWN).text());
    }

    @Test
    void republishingTheSameFormIsANoOpAndAnotherTextUnderTheSameVersionIsRefused() {
        Transparency docs = Docs.full();
        ProcessingCatalog published = docs.publishForms("2.0", ConsentForm.Variant.CHECKBOX, Format.MARKDOWN);
        Transparency again = Docs.docs(published).build();

        assertThat(again.formNotice(NEWSLETTER, "2.0", ConsentForm.Variant.CHECKBOX, Format.MARKDOWN))
                .isSameAs(published.notice(NEWSLETTER_NOTICE).orElseThrow());
        assertThatThrownBy(() -> again.formNotice(NEWSLETTER, "2.0", ConsentForm.Variant.CHECKBOX, Format.HTML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notice newsletter-notice already has version 2.0 with other texts");
        assertThatThrownBy(() -> again.formNotice(PORTFOLIO, "0.9", ConsentForm.Variant.CHECKBOX, Format.HTML))
                .hasMessageContaining("version 0.9 is below the current 2.0");
    }

    @Test
    void aNoticeSharedByTwoPurposesCannotCarryAGranularForm() {
        ProcessingCatalog shared = Docs.catalogBuilder()
                .purpose(Docs.newsletter().build())
                .purpose(Docs.portfolio().notice(NEWSLETTER_NOTICE).build())
                .build();
        Transparency docs = Docs.docs(shared).build();

        assertThatThrownBy(() -> docs.formNotice(NEWSLETTER, "2.0", ConsentForm.Variant.CHECKBOX, Format.HTML))
                .hasMessageContaining("notice newsletter-notice is shared by purposes newsletter and portfolio");
    }

    @Test
    void aPurposeOnAnotherBasisHasNoForm() {
        assertThatThrownBy(() -> Docs.full().consentForm(Docs.ORDERS, RU, Format.HTML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purpose order-fulfilment is based on CONTRACT: it has no consent form");
    }
}
