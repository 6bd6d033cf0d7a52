package dev.consentkit.core.transparency;

import dev.consentkit.core.PurposeId;
import static dev.consentkit.core.transparency.Docs.EN;
import static dev.consentkit.core.transparency.Docs.NEWSLETTER;
import static dev.consentkit.core.transparency.Docs.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input fails at build with a message naming the purpose, locale or field; HTML escapes every value. */
class TransparencyBadInputTest {

    @Test
    void aConsentPurposeWithoutAPlainLanguagePhraseIsNamed() {
        ProcessingCatalog c = Docs.catalogBuilder().purpose(Docs.orders().build())
                .purpose(Purpose.builder(NEWSLETTER).name(Docs.t("Рассылка", "Newsletter"))
                        .description(Docs.t("Новости.", "News.")).basis(dev.consentkit.core.purpose.LegalBasis.CONSENT)
                        .categories(CategoryId.of("contact")).notice(Docs.NEWSLETTER_NOTICE)
                        .retention(Docs.newsletter().build().retention().orElseThrow()).build())
                .build();

        assertThatThrownBy(() -> Docs.docs(c).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("purpose newsletter has no plain-language consent phrase: declare Purpose.Builder.consentPhrase(...)");
    }

    @Test
    void aDescriptionWithoutTheLocaleIsNamedWithPurposeAndLocale() {
        ProcessingCatalog c = Docs.catalogBuilder().purpose(Docs.orders()
                        .description(LocalizedText.of(RU, "Чтобы выполнить заказ.")).build())
                .purpose(Docs.newsletter().build()).build();

        assertThatThrownBy(() -> Docs.docs(c).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("plain-language description of purpose order-fulfilment has no translation for locale en");
    }

    @Test
    void aConsentPhraseOrCategoryWithoutTheLocaleIsNamed() {
        ProcessingCatalog phrase = Docs.catalogBuilder().purpose(Docs.newsletter()
                .consentPhrase(LocalizedText.of(RU, "для рассылки")).build()).build();
        assertThatThrownBy(() -> Docs.docs(phrase).build())
                .hasMessage("consent phrase of purpose newsletter has no translation for locale en");

        ProcessingCatalog category = ProcessingCatalog.builder()
                .controller(Controller.of("Studio", "Desk")).jurisdiction("RU").defaultLocale(RU)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(RU, "Контакты"), false))
                .purpose(Purpose.builder(PurposeId.of("orders"))
                        .name(Docs.t("Заказы", "Orders")).description(Docs.t("Заказы.", "Orders."))
                        .basis(dev.consentkit.core.purpose.LegalBasis.CONTRACT).categories(CategoryId.of("contact"))
                        .retention(Docs.orders().build().retention().orElseThrow()).build())
                .build();
        assertThatThrownBy(() -> Docs.plain(category).locales(RU, EN).build())
                .hasMessage("name of data category contact has no translation for locale en");
    }

    @Test
    void aLocaleWithoutTemplatesOrWordingIsNamed() {
        Locale de = Locale.GERMAN;
        ProcessingCatalog c = Docs.catalogBuilder().purpose(Docs.orders().build()).build();
        assertThatThrownBy(() -> Docs.plain(c).locales(RU, de).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no translation for locale de");

        ProcessingCatalog german = ProcessingCatalog.builder()
                .controller(new Controller("Studio", "Desk", Optional.of("p@studio.example"), Optional.empty(), Optional.empty()))
                .jurisdiction("DE").defaultLocale(de)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(de, "Kontaktdaten"), false))
                .purpose(Purpose.builder(PurposeId.of("orders")).name(LocalizedText.of(de, "Aufträge"))
                        .description(LocalizedText.of(de, "Um Ihren Auftrag auszuführen."))
                        .basis(dev.consentkit.core.purpose.LegalBasis.CONTRACT).categories(CategoryId.of("contact"))
                        .retention(Docs.orders().build().retention().orElseThrow()).build())
                .build();
        assertThatThrownBy(() -> Docs.plain(german).build())
                .hasMessageContaining("no wording for locale de");
        Templates wordingOnly = Templates.defaults().withWording(de, Map.of("law.gdpr", "die DSGVO"));
        assertThatThrownBy(() -> Docs.plain(german).templates(wordingOnly).build())
                .hasMessage("no POLICY template for locale de in MARKDOWN (policy.de.md)");
    }

    @Test
    void aTemplateNamingAnUnknownFieldIsNamed() {
        Templates templates = Templates.defaults().with(Templates.Kind.RECEIPT, EN, Format.HTML, "<p>{{receiptId}}</p>\n<p>{{clientName}}</p>");

        assertThatThrownBy(() -> Docs.docs(Docs.catalog()).templates(templates).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template receipt.en.html, line 2: unknown field 'clientName'");
    }

    @Test
    void aMissingWordingEntryIsNamed() {
        Templates noBasis = Templates.defaults();
        // a host language built from the English wording minus one entry
        Map<String, String> wording = new java.util.HashMap<>(Templates.defaults().wording(EN));
        wording.remove("basis.CONTRACT");
        Locale fr = Locale.FRENCH;
        for (Templates.Kind k : Templates.Kind.values()) {
            for (Format f : Format.values()) {
                noBasis = noBasis.with(k, fr, f, Templates.defaults().source(k, EN, f).orElseThrow());
            }
        }
        noBasis = noBasis.withWording(fr, wording);
        ProcessingCatalog french = addFrench(Docs.catalog());

        assertThatThrownBy(() -> Docs.plain(french).locales(fr).templates(Templates.defaults()).build())
                .hasMessageContaining("no wording for locale fr");
        Templates finalTemplates = noBasis;
        assertThatThrownBy(() -> Docs.plain(french).locales(fr).templates(finalTemplates).build())
                .hasMessage("wording for locale fr has no entry 'basis.CONTRACT'");
    }

    @Test
    void whatTheDocumentsMustSayMustBeDeclared() {
        ProcessingCatalog noRetention = Docs.catalogBuilder().purpose(Purpose.builder(PurposeId.of("orders")).name(Docs.t("З", "O"))
                .description(Docs.t("З.", "O.")).basis(dev.consentkit.core.purpose.LegalBasis.CONTRACT).categories(CategoryId.of("contact")).build()).build();
        assertThatThrownBy(() -> Docs.docs(noRetention).build())
                .hasMessage("purpose orders declares no retention: the policy must say how long data is kept");

        ProcessingCatalog noOperations = Docs.catalogBuilder().purpose(Purpose.builder(NEWSLETTER).name(Docs.t("Р", "N"))
                .description(Docs.t("Р.", "N.")).consentPhrase(Docs.t("для рассылки", "for the newsletter"))
                .basis(dev.consentkit.core.purpose.LegalBasis.CONSENT).categories(CategoryId.of("contact")).notice(Docs.NEWSLETTER_NOTICE)
                .retention(Docs.newsletter().build().retention().orElseThrow()).build()).build();
        assertThatThrownBy(() -> Docs.docs(noOperations).build())
                .hasMessageContaining("purpose newsletter declares no processing operations or method")
                .hasMessageContaining("152-FZ Art. 9 part 4 item 7");
        // under GDPR no written consent is rendered, so the same catalogue is fine
        assertThat(Docs.docs(noOperations, Jurisdiction.GDPR).build().locales()).containsExactly(RU, EN);

        ProcessingCatalog processorWithoutAddress = Docs.catalogBuilder().purpose(Docs.newsletter()
                .recipient(Recipient.of("SmsGate LLC", Recipient.Role.PROCESSOR)).build()).build();
        assertThatThrownBy(() -> Docs.docs(processorWithoutAddress).build())
                .hasMessage("processor 'SmsGate LLC' of purpose newsletter has no address: a written consent names it "
                        + "(152-FZ Art. 9 part 4 item 6)");

        ProcessingCatalog javascript = Docs.catalogBuilder().policyUrl(URI.create("javascript:alert(1)"))
                .purpose(Docs.newsletter().build()).build();
        assertThatThrownBy(() -> Docs.docs(javascript).build()).hasMessage("policy URL must be an http or https address");
    }

    @Test
    void anUnconfiguredLanguageIsRefused() {
        assertThatThrownBy(() -> Docs.full().policy(Locale.GERMAN, Format.HTML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("documents are not configured for locale de; configured: ru, en");
    }

    @ParameterizedTest(name = "markup in names and descriptions is escaped in {0}")
    @EnumSource(Format.class)
    void markupInNamesAndDescriptionsIsEscaped(Format format) {
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        ProcessingCatalog c = ProcessingCatalog.builder()
                .controller(new Controller("Evil & Co " + evil, "Desk <b>", Optional.of("p@evil.example"),
                        Optional.of("1 \"Main\" St"), Optional.of(URI.create("https://evil.example/?a=1&b=2"))))
                .jurisdiction("RU").defaultLocale(RU)
                .policyUrl(URI.create("https://evil.example/privacy?x=1&y=2"))
                .category(new DataCategory(CategoryId.of("contact"), Docs.t("Контакты " + evil, "Contacts " + evil), false))
                .notice(Docs.notice(Docs.NEWSLETTER_NOTICE))
                .purpose(Docs.newsletter()
                        .name(Docs.t("Рассылка " + evil, "[Newsletter](javascript:alert(1)) " + evil))
                        .description(Docs.t("# Заголовок\n- пункт " + evil, "*bold* `code` " + evil))
                        .consentPhrase(Docs.t("для рассылки " + evil, "for news " + evil))
                        .recipient(new Recipient("Mail <i>Flow</i>", Recipient.Role.PROCESSOR, Optional.empty())
                                .withAddress("<u>5</u> St"))
                        .build())
                .build();
        Transparency docs = Docs.docs(c).build();

        for (Locale l : new Locale[]{RU, EN}) {
            for (String text : new String[]{docs.policy(l, format).text(), docs.consentForm(NEWSLETTER, l, format).text(),
                    docs.consentForm(NEWSLETTER, l, format, ConsentForm.Variant.WRITTEN).text()}) {
                assertThat(text).doesNotContain("<script", "<img", "<i>", "<u>", "<b>");
                assertThat(text).contains("&lt;script&gt;");
                if (format == Format.MARKDOWN) {
                    // no heading, list, emphasis, code or link can start inside a value
                    assertThat(text).doesNotContain("\n# Заголовок", "\n- пункт", "*bold*", "`code`")
                            .doesNotContainPattern("(?<!\\\\)\\]\\(javascript");
                } else {
                    assertThat(text).doesNotContain("\"Main\"", "onerror=alert(1)>");
                }
            }
        }
        assertThat(docs.policy(EN, format).text()).contains(format == Format.HTML ? "1 &quot;Main&quot; St" : "1 \"Main\" St");
        assertThat(docs.policy(EN, format).text()).contains(format == Format.HTML
                ? "Evil &amp; Co &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
                : "Evil &amp; Co &lt;script&gt;alert('x')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aProtectorThatDeclaresNoFieldsMakesNoEncryptionClaim() {
        ProcessingCatalog c = Docs.catalog();
        Transparency docs = Docs.docs(c, new dev.consentkit.core.spi.protection.ProtectionProfile("AES-256-GCM", "keys",
                java.util.List.of())).build();

        assertThat(docs.policy(EN, Format.MARKDOWN).text()).doesNotContain("We encrypt", "AES-256-GCM");
        assertThat(Docs.full().policy(EN, Format.MARKDOWN).text()).contains("We encrypt these details (AES-256-GCM):");
    }

    private static ProcessingCatalog addFrench(ProcessingCatalog c) {
        Locale fr = Locale.FRENCH;
        return ProcessingCatalog.builder()
                .controller(c.controller()).jurisdiction("FR").defaultLocale(fr)
                .policyUrl(c.policyUrl().orElseThrow())
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(fr, "Coordonnées"), false))
                .purpose(Purpose.builder(PurposeId.of("orders")).name(LocalizedText.of(fr, "Commandes"))
                        .description(LocalizedText.of(fr, "Pour livrer votre commande."))
                        .basis(dev.consentkit.core.purpose.LegalBasis.CONTRACT).categories(CategoryId.of("contact"))
                        .retention(Docs.orders().build().retention().orElseThrow()).build())
                .build();
    }
}
