package dev.consentkit.examples.studio;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ConsentType;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.ProcessingMethod;
import dev.consentkit.core.purpose.ProcessingOperation;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.Recipient;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import java.net.URI;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/** The design studio's processing catalogue: the purposes of the seed, declared once. */
public final class StudioCatalog {
    /** Russian. */
    public static final Locale RU = Locale.forLanguageTag("ru");
    /** English. */
    public static final Locale EN = Locale.ENGLISH;
    /** Fulfilling orders: under the contract, no consent needed. */
    public static final PurposeId ORDERS = PurposeId.of("order-fulfilment");
    /** The newsletter: on consent, with the seed's first sentence. */
    public static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    /** The client's personal account: on consent, with the seed's second sentence. */
    public static final PurposeId ACCOUNT = PurposeId.of("client-account");
    /** Photos of finished projects in the portfolio: explicit consent per asset. */
    public static final PurposeId PORTFOLIO = PurposeId.of("portfolio");
    /** Data category: contact details. */
    public static final CategoryId CONTACT_DATA = CategoryId.of("contact");
    /** Data category: order details. */
    public static final CategoryId ORDER_DATA = CategoryId.of("order");
    /** Data category: project photos. */
    public static final CategoryId PHOTO_DATA = CategoryId.of("photo");
    /** The newsletter notice. */
    public static final NoticeId NEWSLETTER_NOTICE = NoticeId.of("newsletter-notice");
    /** The seed's newsletter sentence. */
    public static final String NEWSLETTER_RU =
            "Я согласен на обработку моих сведений для получения уведомлений о новинках и акциях.";
    /** The seed's policy sentence. */
    public static final String POLICY_RU =
            "Я подтверждаю, что ознакомлен с политикой конфиденциальности и согласен с условиями обработки данных.";

    private StudioCatalog() {
    }

    /** @return version 1.0 of the newsletter notice (and its typo fix 1.1) */
    public static Notice newsletterNotice() {
        return Notice.builder(NEWSLETTER_NOTICE)
                .version("1.0", LocalizedText.of(RU, NEWSLETTER_RU)
                        .and(EN, "I agree to the processing of my details to receive news about new products and offers."))
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU)
                        .and(EN, "I agree to the processing of my data to receive news about new products and offers."))
                .build();
    }

    /** @return the newsletter notice after a major change: partners' offers are added */
    public static Notice newsletterNoticeWithPartners() {
        return Notice.builder(NEWSLETTER_NOTICE)
                .version("1.1", newsletterNotice().text(newsletterNotice().current()).orElseThrow())
                .version("2.0", LocalizedText.of(RU,
                                "Я согласен на обработку моих сведений для получения уведомлений о новинках и акциях студии и её партнёров.")
                        .and(EN, "I agree to the processing of my details to receive news and offers from the studio and its partners."))
                .build();
    }

    /**
     * @param newsletterNotice the newsletter notice in force
     * @return the catalogue
     */
    public static ProcessingCatalog catalog(Notice newsletterNotice) {
        return ProcessingCatalog.builder()
                .controller(new Controller("Studio Lumen LLC", "Privacy desk", Optional.of("privacy@studio-lumen.example"),
                        Optional.of("12 Tverskaya St, Moscow"), Optional.of(URI.create("https://studio-lumen.example"))))
                .jurisdiction("RU")
                .policyUrl(URI.create("https://studio-lumen.example/privacy"))
                .withdrawalUrl(URI.create("https://studio-lumen.example/account/consents"))
                .defaultLocale(RU)
                .category(new DataCategory(CONTACT_DATA, LocalizedText.of(RU, "Контактные данные").and(EN, "Contact details"), false))
                .category(new DataCategory(ORDER_DATA, LocalizedText.of(RU, "Сведения о заказе").and(EN, "Order details"), false))
                .category(new DataCategory(PHOTO_DATA, LocalizedText.of(RU, "Фотографии проекта").and(EN, "Project photos"), false))
                .notice(newsletterNotice)
                .notice(Notice.builder(NoticeId.of("account-notice"))
                        .version("1.0", LocalizedText.of(RU, POLICY_RU)
                                .and(EN, "I confirm that I have read the privacy policy and agree to the terms of data processing."))
                        .build())
                .notice(Notice.builder(NoticeId.of("portfolio-notice"))
                        .version("1.0", LocalizedText.of(RU, "Я разрешаю студии показывать фотографии моего проекта в портфолио.")
                                .and(EN, "I allow the studio to show photos of my project in its portfolio."))
                        .build())
                .purpose(Purpose.builder(ORDERS)
                        .name(LocalizedText.of(RU, "Выполнение заказа").and(EN, "Order fulfilment"))
                        .description(LocalizedText.of(RU, "Чтобы сделать и доставить то, что вы заказали.")
                                .and(EN, "To design and deliver what you ordered."))
                        .basis(LegalBasis.CONTRACT)
                        .categories(CONTACT_DATA, ORDER_DATA)
                        .subjectCategories("clients", "recipients of deliveries")
                        .recipient(Recipient.of("Courier Express LLC", Recipient.Role.THIRD_PARTY).in("RU")
                                .withAgreement("delivery contract 14/2025"))
                        .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), EventName.of("order.closed")))
                        .build())
                .purpose(Purpose.builder(NEWSLETTER)
                        .name(LocalizedText.of(RU, "Рассылка").and(EN, "Newsletter"))
                        .description(LocalizedText.of(RU, "Новости о новинках и акциях по почте или SMS.")
                                .and(EN, "News about new products and offers by e-mail or SMS."))
                        .basis(LegalBasis.CONSENT)
                        .categories(CONTACT_DATA)
                        .subjectCategories("newsletter subscribers")
                        .notice(NEWSLETTER_NOTICE)
                        .consentPhrase(LocalizedText.of(RU, "для получения уведомлений о новинках и акциях")
                                .and(EN, "to receive news about new products and offers"))
                        .operations(ProcessingOperation.COLLECTION, ProcessingOperation.STORAGE, ProcessingOperation.USE,
                                ProcessingOperation.DESTRUCTION)
                        .method(ProcessingMethod.AUTOMATED)
                        .reconfirmEvery(Period.ofMonths(24))
                        .retention(RetentionDeclaration.of(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL))
                        .build())
                .purpose(Purpose.builder(ACCOUNT)
                        .name(LocalizedText.of(RU, "Личный кабинет").and(EN, "Client account"))
                        .description(LocalizedText.of(RU, "Хранить ваши проекты и предпочтения между заказами.")
                                .and(EN, "Keeping your projects and preferences between orders."))
                        .basis(LegalBasis.CONSENT)
                        .categories(CONTACT_DATA, ORDER_DATA)
                        .subjectCategories("clients with an account")
                        .notice(NoticeId.of("account-notice"))
                        .consentPhrase(LocalizedText.of(RU, "для ведения моего личного кабинета")
                                .and(EN, "to keep my client account"))
                        .operations(ProcessingOperation.COLLECTION, ProcessingOperation.STORAGE, ProcessingOperation.UPDATE,
                                ProcessingOperation.USE, ProcessingOperation.DESTRUCTION)
                        .method(ProcessingMethod.AUTOMATED)
                        .retention(RetentionDeclaration.of(Period.ofYears(3), RetentionTrigger.SINCE_LAST_INTERACTION))
                        .build())
                .purpose(Purpose.builder(PORTFOLIO)
                        .name(LocalizedText.of(RU, "Портфолио").and(EN, "Portfolio"))
                        .description(LocalizedText.of(RU, "Показывать фотографии готовых проектов на сайте студии.")
                                .and(EN, "Showing photos of finished projects on the studio's site."))
                        .basis(LegalBasis.CONSENT)
                        .consentType(ConsentType.EXPLICIT)
                        .categories(PHOTO_DATA)
                        .subjectCategories("clients who allowed showing their project")
                        .notice(NoticeId.of("portfolio-notice"))
                        .consentPhrase(LocalizedText.of(RU, "для показа фотографий моего проекта в портфолио студии")
                                .and(EN, "to show photos of my project in the studio's portfolio"))
                        .operations(ProcessingOperation.COLLECTION, ProcessingOperation.STORAGE, ProcessingOperation.USE,
                                ProcessingOperation.DESTRUCTION)
                        .method(ProcessingMethod.MIXED)
                        .retention(RetentionDeclaration.of(Period.ofYears(5), RetentionTrigger.SINCE_COLLECTION))
                        .build())
                .build();
    }
}
