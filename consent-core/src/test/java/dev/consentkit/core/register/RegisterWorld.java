package dev.consentkit.core.register;

import dev.consentkit.core.EventName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.purpose.RiskAssessment;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A complete studio declaration for register tests: catalogue, access policy, protection profile. */
final class RegisterWorld {
    static final Locale EN = Locale.ENGLISH;
    static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    static final PurposeId ORDERS = PurposeId.of("order-fulfilment");
    static final PurposeId PORTFOLIO = PurposeId.of("portfolio");
    static final PurposeId INVOICES = PurposeId.of("invoices");
    static final Instant GENERATED = Instant.parse("2026-11-27T09:00:00Z");
    static final ProtectionProfile PROFILE = new ProtectionProfile("AES-256-GCM",
            "per-subject 256-bit data keys wrapped by a master key", List.of(
            new ProtectionProfile.Field("client", "phone", CategoryId.of("contact"), KeyGroup.of("contact")),
            new ProtectionProfile.Field("client", "email", CategoryId.of("contact"), KeyGroup.of("contact")),
            new ProtectionProfile.Field("orders", "address", CategoryId.of("order"), KeyGroup.of("orders"))));

    private RegisterWorld() {
    }

    static Purpose.Builder newsletter() {
        return Purpose.builder(NEWSLETTER)
                .name(LocalizedText.of(EN, "Newsletter"))
                .description(LocalizedText.of(EN, "News about new products and offers, by e-mail or SMS."))
                .basis(LegalBasis.CONSENT)
                .categories(CategoryId.of("contact"))
                .subjectCategories("newsletter subscribers")
                .notice(NoticeId.of("newsletter-notice"))
                .recipient(Recipient.of("MailCourier GmbH", Recipient.Role.PROCESSOR).in("DE")
                        .withAgreement("DPA 2025-07"))
                .retention(RetentionDeclaration.of(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL))
                .risk(RiskAssessment.of(RiskAssessment.Level.LOW, RiskAssessment.Level.LOW,
                        "unsubscribe link in every message"));
    }

    static Purpose.Builder orders() {
        return Purpose.builder(ORDERS)
                .name(LocalizedText.of(EN, "Order fulfilment"))
                .description(LocalizedText.of(EN, "Designing and delivering what the client ordered (\"turnkey\" projects)."))
                .basis(LegalBasis.CONTRACT)
                .categories(CategoryId.of("contact"), CategoryId.of("order"))
                .subjectCategories("clients", "recipients of deliveries")
                .recipient(Recipient.of("Courier Express LLC", Recipient.Role.THIRD_PARTY).in("RU")
                        .withAgreement("delivery contract 14/2025"))
                .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), EventName.of("order.closed")))
                .risk(RiskAssessment.of(RiskAssessment.Level.MEDIUM, RiskAssessment.Level.MEDIUM,
                        "addresses encrypted", "couriers see one order at a time"));
    }

    static Purpose.Builder portfolio() {
        return Purpose.builder(PORTFOLIO)
                .name(LocalizedText.of(EN, "Portfolio"))
                .description(LocalizedText.of(EN, "Showing photos of finished projects in the studio's portfolio."))
                .basis(LegalBasis.CONSENT)
                .consentType(ConsentType.EXPLICIT)
                .categories(CategoryId.of("photo"))
                .subjectCategories("clients who allowed showing their project")
                .notice(NoticeId.of("portfolio-notice"))
                .retentionNotPossible("photos are shown until the client withdraws consent; no fixed limit")
                .risk(RiskAssessment.of(RiskAssessment.Level.LOW, RiskAssessment.Level.MEDIUM));
    }

    static Purpose.Builder invoices() {
        return Purpose.builder(INVOICES)
                .name(LocalizedText.of(EN, "Invoices"))
                .description(LocalizedText.of(EN, "Keeping invoices as tax law requires."))
                .basis(LegalBasis.LEGAL_OBLIGATION)
                .categories(CategoryId.of("billing"))
                .subjectCategories("clients")
                .recipient(Recipient.of("Federal Tax Service", Recipient.Role.AUTHORITY).in("RU")
                        .withAgreement("Tax Code of the Russian Federation, Art. 23"))
                .retention(RetentionDeclaration.afterEvent(Period.ofYears(5), EventName.of("invoice.issued")));
    }

    static ProcessingCatalog catalog(List<Purpose> purposes) {
        ProcessingCatalog.Builder b = ProcessingCatalog.builder()
                .controller(new Controller("Studio Lumen LLC", "Privacy desk",
                        Optional.of("privacy@studio-lumen.example"), Optional.of("12 Tverskaya St, Moscow 125009"),
                        Optional.of(URI.create("https://studio-lumen.example"))))
                .jurisdiction("RU")
                .defaultLocale(EN)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(EN, "Contact details"), false))
                .category(new DataCategory(CategoryId.of("order"), LocalizedText.of(EN, "Order details"), false))
                .category(new DataCategory(CategoryId.of("photo"), LocalizedText.of(EN, "Photos of the client"), false))
                .category(new DataCategory(CategoryId.of("billing"), LocalizedText.of(EN, "Invoices and payments"), false))
                .notice(Notice.builder(NoticeId.of("newsletter-notice"))
                        .version("1.0", LocalizedText.of(EN, "I agree to receive news.")).build())
                .notice(Notice.builder(NoticeId.of("portfolio-notice"))
                        .version("1.0", LocalizedText.of(EN, "I allow showing photos of my project.")).build());
        purposes.forEach(b::purpose);
        return b.build();
    }

    static ProcessingCatalog catalog() {
        return catalog(List.of(newsletter().build(), orders().build(), portfolio().build(), invoices().build()));
    }

    static AccessPolicy policy(ProcessingCatalog catalog) {
        return AccessPolicy.builder(catalog)
                .grant("designer").purposes(ORDERS).categories(CategoryId.of("contact"), CategoryId.of("order"))
                .actions(AccessAction.READ, AccessAction.WRITE)
                .grant("designer").purposes(PORTFOLIO).categories(CategoryId.of("photo")).actions(AccessAction.READ)
                .grant("accountant").purposes(INVOICES).categories(CategoryId.of("billing")).actions(AccessAction.READ)
                .grant("marketing").purposes(NEWSLETTER).categories(CategoryId.of("contact"))
                .actions(AccessAction.SEARCH, AccessAction.READ)
                .build();
    }

    static ConsentKit kit(ProcessingCatalog catalog, Instant now, UnaryOperator<ConsentKit.Builder> more) {
        return more.apply(ConsentKit.builder()
                .catalog(catalog)
                .clock(new MutableClock(now))
                .auditKey(Fixtures.auditKey())
                .pseudonymKey(Fixtures.pseudonymKey())).build();
    }

    /** @return the complete register of the golden files */
    static ProcessingRegister register() {
        ProcessingCatalog catalog = catalog();
        ConsentKit kit = kit(catalog, GENERATED, b -> b.accessPolicy(policy(catalog)));
        KitContext.of(kit).install(FieldProtector.class, new DescribedProtection(PROFILE));
        return ProcessingRegister.builder(kit)
                .keyRotatedAt(Instant.parse("2026-09-01T00:00:00Z"))
                .securityMeasure("daily encrypted backups, restore tested monthly")
                .build();
    }
}
