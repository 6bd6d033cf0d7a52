package dev.consentkit.core.transparency;

import dev.consentkit.core.EventName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.testkit.fixtures.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.DataProtectionOfficer;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.ProcessingMethod;
import dev.consentkit.core.purpose.ProcessingOperation;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A design studio's catalogue with everything the documents need, and golden-file comparison. */
final class Docs {
    static final Locale RU = Locale.forLanguageTag("ru");
    static final Locale EN = Locale.ENGLISH;
    static final PurposeId ORDERS = PurposeId.of("order-fulfilment");
    static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    static final PurposeId PORTFOLIO = PurposeId.of("portfolio");
    static final NoticeId NEWSLETTER_NOTICE = NoticeId.of("newsletter-notice");
    static final NoticeId PORTFOLIO_NOTICE = NoticeId.of("portfolio-notice");
    /** Regenerate golden files with {@code -Dck.golden.update=true}, then review the diff. */
    private static final boolean UPDATE = Boolean.getBoolean("ck.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/dev/consentkit/core/transparency/golden");

    private Docs() {
    }

    static LocalizedText t(String ru, String en) {
        return LocalizedText.of(RU, ru).and(EN, en);
    }

    static Purpose.Builder newsletter() {
        return Purpose.builder(NEWSLETTER)
                .name(t("Рассылка", "Newsletter"))
                .description(t("Раз в месяц присылаем новости о новинках и акциях по почте или SMS.",
                        "Once a month we send news about new products and offers by e-mail or SMS."))
                .consentPhrase(t("для получения уведомлений о новинках и акциях",
                        "to receive news about new products and offers"))
                .basis(LegalBasis.CONSENT)
                .categories(CategoryId.of("contact"))
                .notice(NEWSLETTER_NOTICE)
                .reconfirmEvery(Period.ofMonths(24))
                .recipient(new Recipient("MailFlow LLC", Recipient.Role.PROCESSOR, Optional.of("RU"))
                        .withAddress("5 Lesnaya St, Moscow"))
                .operations(ProcessingOperation.COLLECTION, ProcessingOperation.RECORDING, ProcessingOperation.STORAGE,
                        ProcessingOperation.USE, ProcessingOperation.TRANSFER, ProcessingOperation.DESTRUCTION)
                .method(ProcessingMethod.AUTOMATED)
                .retention(RetentionDeclaration.of(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL));
    }

    static Purpose.Builder portfolio() {
        return Purpose.builder(PORTFOLIO)
                .name(t("Портфолио", "Portfolio"))
                .description(t("Показываем фотографии готовых проектов на сайте студии.",
                        "We show photos of finished projects on the studio's site."))
                .consentPhrase(t("для показа фотографий моего проекта в портфолио студии",
                        "to show photos of my project in the studio's portfolio"))
                .basis(LegalBasis.CONSENT)
                .consentType(ConsentType.EXPLICIT)
                .categories(CategoryId.of("photo"))
                .notice(PORTFOLIO_NOTICE)
                .operations(ProcessingOperation.COLLECTION, ProcessingOperation.STORAGE, ProcessingOperation.USE,
                        ProcessingOperation.DESTRUCTION)
                .method(ProcessingMethod.MIXED)
                .retention(RetentionDeclaration.of(Period.ofYears(5), RetentionTrigger.SINCE_COLLECTION));
    }

    static Purpose.Builder orders() {
        return Purpose.builder(ORDERS)
                .name(t("Выполнение заказа", "Order fulfilment"))
                .description(t("Чтобы сделать и доставить то, что вы заказали.", "To design and deliver what you ordered."))
                .basis(LegalBasis.CONTRACT)
                .categories(CategoryId.of("contact"), CategoryId.of("order"))
                .recipient(Recipient.of("Courier Express LLC", Recipient.Role.THIRD_PARTY))
                .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), EventName.of("order.closed")));
    }

    static Notice notice(NoticeId id) {
        return Notice.builder(id).version("1.0", t("Согласие 1.0", "Consent 1.0")).build();
    }

    static ProcessingCatalog.Builder catalogBuilder() {
        return ProcessingCatalog.builder()
                .controller(new Controller("Studio Lumen LLC", "Privacy desk", Optional.of("privacy@studio-lumen.example"),
                        Optional.of("12 Tverskaya St, Moscow"), Optional.of(URI.create("https://studio-lumen.example"))))
                .jurisdiction("RU")
                .policyUrl(URI.create("https://studio-lumen.example/privacy"))
                .withdrawalUrl(URI.create("https://studio-lumen.example/account/consents"))
                .dataProtectionOfficer(DataProtectionOfficer.of("Irina Sokolova", "dpo@studio-lumen.example"))
                .defaultLocale(RU)
                .category(new DataCategory(CategoryId.of("contact"), t("Контактные данные", "Contact details"), false))
                .category(new DataCategory(CategoryId.of("order"), t("Сведения о заказе", "Order details"), false))
                .category(new DataCategory(CategoryId.of("photo"), t("Фотографии проекта", "Project photos"), false))
                .notice(notice(NEWSLETTER_NOTICE))
                .notice(notice(PORTFOLIO_NOTICE));
    }

    static ProcessingCatalog catalog() {
        return catalogBuilder().purpose(orders().build()).purpose(newsletter().build()).purpose(portfolio().build()).build();
    }

    static AccessPolicy access(ProcessingCatalog catalog) {
        return AccessPolicy.builder(catalog)
                .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE)
                .grant("designer").purposes(ORDERS).categories(CategoryId.of("order")).actions(AccessAction.READ)
                .build();
    }

    static ProtectionProfile protection() {
        return new ProtectionProfile("AES-256-GCM", "a 256-bit key per client, wrapped by a master key", List.of(
                new ProtectionProfile.Field("clients", "email", CategoryId.of("contact"), KeyGroup.of("contact")),
                new ProtectionProfile.Field("clients", "phone", CategoryId.of("contact"), KeyGroup.of("contact")),
                new ProtectionProfile.Field("projects", "photo", CategoryId.of("photo"), KeyGroup.of("portfolio"))));
    }

    static Transparency.Builder docs(ProcessingCatalog catalog) {
        return docs(catalog, Jurisdiction.RU_152FZ);
    }

    /** A builder in Russian and English on an in-memory kit of that catalogue and jurisdiction. */
    static Transparency.Builder docs(ProcessingCatalog catalog, Jurisdiction jurisdiction) {
        return Transparency.builder(ConsentKit.builder().catalog(catalog).jurisdiction(jurisdiction)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build()).locales(RU, EN);
    }

    /** A builder with no language chosen on an in-memory GDPR kit of that catalogue. */
    static Transparency.Builder plain(ProcessingCatalog catalog) {
        return Transparency.builder(ConsentKit.builder().catalog(catalog)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build());
    }

    /**
     * @param c a catalogue
     * @param protection what the kit's field protector declares
     * @return a builder on a 152-FZ kit with the access policy and that field protection
     */
    static Transparency.Builder docs(ProcessingCatalog c, ProtectionProfile protection) {
        ConsentKit kit = ConsentKit.builder().catalog(c).jurisdiction(Jurisdiction.RU_152FZ).accessPolicy(access(c))
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        KitContext.of(kit).install(FieldProtector.class, new DescribedProtection(protection));
        return Transparency.builder(kit).locales(RU, EN);
    }

    static Transparency full() {
        ProcessingCatalog c = catalog();
        return docs(c, protection())
                .templates(Templates.defaults()
                        .withWording(RU, java.util.Map.of("event.order.closed", "закрытия заказа"))
                        .withWording(EN, java.util.Map.of("event.order.closed", "the order is closed")))
                .build();
    }

    static ConsentKit kit(ProcessingCatalog catalog, Clock clock) {
        return ConsentKit.builder().catalog(catalog).clock(clock).jurisdiction(Jurisdiction.RU_152FZ)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
    }

    /** Compares with the golden file of that name (or writes it when updating). */
    static void assertGolden(String name, String actual) {
        Path file = GOLDEN.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (regenerate with -Dck.golden.update=true)", name).exists();
            assertThat(actual).as("golden file %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
