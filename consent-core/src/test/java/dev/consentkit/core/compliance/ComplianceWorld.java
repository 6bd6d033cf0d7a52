package dev.consentkit.core.compliance;

import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.EventName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_NOTICE;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO_NOTICE;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.testkit.fixtures.Fixtures;
import java.time.Period;
import java.util.List;

/**
 * A studio whose configuration passes every check - retention everywhere, notices complete, field
 * protection for its one sensitive category, an access policy, monitoring on - and the single
 * deviations each test seeds.
 */
final class ComplianceWorld {
    static final PurposeId FITTINGS = PurposeId.of("fittings");

    private ComplianceWorld() {
    }

    /** Newsletter notice 1.0 and 1.1, both in Russian and English. */
    static Notice notice() {
        return Fixtures.newsletterNotice();
    }

    /** Newsletter notice with a major version 2.0 in both languages. */
    static Notice majorChange() {
        return Notice.builder(NEWSLETTER_NOTICE)
                .version("1.0", LocalizedText.of(RU, Fixtures.NEWSLETTER_RU).and(EN, Fixtures.NEWSLETTER_EN))
                .version("2.0", LocalizedText.of(RU, "Я согласен получать новости студии по e-mail и SMS.")
                        .and(EN, "I agree to receive the studio's news by e-mail and SMS."))
                .build();
    }

    /** Newsletter notice whose version 2.0 dropped the English text. */
    static Notice englishDropped() {
        return Notice.builder(NEWSLETTER_NOTICE)
                .version("1.0", LocalizedText.of(RU, Fixtures.NEWSLETTER_RU).and(EN, Fixtures.NEWSLETTER_EN))
                .version("2.0", LocalizedText.of(RU, "Я согласен получать новости студии по e-mail и SMS."))
                .build();
    }

    static ProcessingCatalog catalog(Notice newsletterNotice, boolean portfolioRetention) {
        return catalog(newsletterNotice, portfolioRetention, "DE");
    }

    /**
     * @param country the controller's country: {@code DE} in the other tests (a GDPR kit fits it), {@code RU}
     *                for the jurisdiction check
     */
    static ProcessingCatalog catalog(Notice newsletterNotice, boolean portfolioRetention, String country) {
        Purpose.Builder portfolio = Purpose.builder(PORTFOLIO)
                .name(LocalizedText.of(EN, "Portfolio"))
                .description(LocalizedText.of(EN, "Showing photos of finished projects in the studio's portfolio."))
                .basis(LegalBasis.CONSENT).consentType(ConsentType.EXPLICIT).categories(CategoryId.of("photo"))
                .notice(PORTFOLIO_NOTICE);
        if (portfolioRetention) {
            portfolio.retention(RetentionDeclaration.of(Period.ofYears(3), RetentionTrigger.SINCE_WITHDRAWAL));
        }
        return ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "privacy@studio-lumen.example"))
                .jurisdiction(country).defaultLocale(RU)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(EN, "Contact details"), false))
                .category(new DataCategory(CategoryId.of("order"), LocalizedText.of(EN, "Order details"), false))
                .category(new DataCategory(CategoryId.of("photo"), LocalizedText.of(EN, "Photos of the client"), false))
                .category(new DataCategory(CategoryId.of("health"), LocalizedText.of(EN, "Allergies and accessibility needs"), true))
                .notice(newsletterNotice)
                .notice(Notice.builder(PORTFOLIO_NOTICE)
                        .version("1.0", LocalizedText.of(RU, "Я разрешаю показывать фотографии моего проекта в портфолио студии.")
                                .and(EN, "I allow the studio to show photos of my project in its portfolio."))
                        .build())
                .notice(Notice.builder(dev.consentkit.core.purpose.NoticeId.of("fittings-notice"))
                        .version("1.0", LocalizedText.of(RU, "Я разрешаю студии учитывать мои аллергии при подготовке визита.")
                                .and(EN, "I allow the studio to take my allergies into account when preparing a visit."))
                        .build())
                .purpose(Purpose.builder(NEWSLETTER)
                        .name(LocalizedText.of(EN, "Newsletter"))
                        .description(LocalizedText.of(EN, "News about new products and offers by e-mail or SMS."))
                        .basis(LegalBasis.CONSENT).categories(CategoryId.of("contact")).notice(NEWSLETTER_NOTICE)
                        .reconfirmEvery(Period.ofMonths(12))
                        .retention(RetentionDeclaration.of(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL))
                        .build())
                .purpose(Purpose.builder(ORDERS)
                        .name(LocalizedText.of(EN, "Order fulfilment"))
                        .description(LocalizedText.of(EN, "Designing and delivering what the client ordered."))
                        .basis(LegalBasis.CONTRACT).categories(CategoryId.of("contact"), CategoryId.of("order"))
                        .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), EventName.of("order.closed")))
                        .build())
                .purpose(portfolio.build())
                .purpose(Purpose.builder(FITTINGS)
                        .name(LocalizedText.of(EN, "Fittings"))
                        .description(LocalizedText.of(EN, "Preparing the studio for a client's visit."))
                        .basis(LegalBasis.CONSENT).consentType(ConsentType.EXPLICIT).categories(CategoryId.of("health"))
                        .notice(NoticeId.of("fittings-notice"))
                        .retention(RetentionDeclaration.afterEvent(Period.ofMonths(1), EventName.of("visit.ended")))
                        .build())
                .build();
    }

    static ProtectionProfile protection() {
        return new ProtectionProfile("AES-256-GCM", "per-subject data keys under a master key",
                List.of(new ProtectionProfile.Field("clients", "allergies", CategoryId.of("health"), KeyGroup.of("care")),
                        new ProtectionProfile.Field("clients", "email", CategoryId.of("contact"), KeyGroup.of("contact"))));
    }

    static AccessPolicy policy(ProcessingCatalog catalog) {
        return AccessPolicy.builder(catalog)
                .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CategoryId.of("contact")).actions(AccessAction.READ)
                .grant("host").purposes(FITTINGS).categories(CategoryId.of("health")).actions(AccessAction.READ)
                .build();
    }

    /** @return a builder for the clean studio: every setting a check looks at is in order */
    static ConsentKit.Builder clean(ConsentStorage storage, java.time.Clock clock) {
        ProcessingCatalog catalog = catalog(notice(), true);
        return ConsentKit.builder().catalog(catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(policy(catalog));
    }

    /**
     * @param clean a builder from {@link #clean}, perhaps changed
     * @return the studio's kit with what it runs with beside the kit: the declared field protection and
     *         monitoring on
     */
    static ConsentKit studio(ConsentKit.Builder clean) {
        ConsentKit kit = protect(clean.build());
        AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()).build();
        return kit;
    }

    /**
     * @param kit a kit
     * @return the kit, with {@link #protection()} as its field protector
     */
    static ConsentKit protect(ConsentKit kit) {
        KitContext.of(kit).install(FieldProtector.class, new DescribedProtection(protection()));
        return kit;
    }

    /** @return an audit key other than the studio's */
    static HmacKey otherAuditKey() {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) 9);
        return HmacKey.of(bytes);
    }
}
