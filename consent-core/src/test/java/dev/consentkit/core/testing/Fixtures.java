package dev.consentkit.core.testing;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
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
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Clock;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;

/**
 * A small studio catalogue and fixed keys shared by the core tests and every adapter's contract tests.
 */
public final class Fixtures {
    /** Russian. */
    public static final Locale RU = Locale.forLanguageTag("ru");
    /** English. */
    public static final Locale EN = Locale.ENGLISH;
    /** Newsletter by consent, re-confirmed every 12 months. */
    public static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    /** Order fulfilment under contract. */
    public static final PurposeId ORDERS = PurposeId.of("order-fulfilment");
    /** Portfolio photos by explicit consent, per asset. */
    public static final PurposeId PORTFOLIO = PurposeId.of("portfolio");
    /** Invoices kept under a legal obligation. */
    public static final PurposeId INVOICES = PurposeId.of("invoices");
    /** The newsletter notice. */
    public static final NoticeId NEWSLETTER_NOTICE = NoticeId.of("newsletter-notice");
    /** The portfolio notice. */
    public static final NoticeId PORTFOLIO_NOTICE = NoticeId.of("portfolio-notice");
    /** Newsletter notice text, version 1.0, Russian (from the seed). */
    public static final String NEWSLETTER_RU =
            "Я согласен на обработку моих сведений для получения уведомлений о новинках и акциях.";
    /** Newsletter notice text, version 1.0, English. */
    public static final String NEWSLETTER_EN =
            "I agree to the processing of my details to receive news about new products and offers.";

    private Fixtures() {
    }

    /** @return a fixed 32-byte audit key for tests */
    public static HmacKey auditKey() {
        return key((byte) 1);
    }

    /** @return a fixed 32-byte pseudonym key for tests */
    public static HmacKey pseudonymKey() {
        return key((byte) 2);
    }

    private static HmacKey key(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return HmacKey.of(bytes);
    }

    /** @return the newsletter notice with version 1.0 (ru, en) and 1.1 (a typo fix) */
    public static Notice newsletterNotice() {
        return Notice.builder(NEWSLETTER_NOTICE)
                .version("1.0", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN))
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN.replace("details", "data")))
                .build();
    }

    /**
     * @param newsletterNotice the newsletter notice to declare (to test a major change)
     * @return the studio catalogue
     */
    public static ProcessingCatalog catalog(Notice newsletterNotice) {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "privacy@studio-lumen.example"))
                .jurisdiction("RU")
                .defaultLocale(RU)
                .category(new DataCategory("contact", LocalizedText.of(EN, "Contact details"), false))
                .category(new DataCategory("order", LocalizedText.of(EN, "Order details"), false))
                .category(new DataCategory("photo", LocalizedText.of(EN, "Photos of the client"), false))
                .category(new DataCategory("billing", LocalizedText.of(EN, "Invoices and payments"), false))
                .notice(newsletterNotice)
                .notice(Notice.builder(PORTFOLIO_NOTICE)
                        .version("1.0", LocalizedText.of(RU, "Я разрешаю показывать фотографии моего проекта в портфолио студии.")
                                .and(EN, "I allow the studio to show photos of my project in its portfolio."))
                        .build())
                .purpose(Purpose.builder(NEWSLETTER)
                        .name(LocalizedText.of(EN, "Newsletter"))
                        .description(LocalizedText.of(EN, "News about new products and offers by e-mail or SMS."))
                        .basis(LegalBasis.CONSENT)
                        .categories("contact")
                        .notice(NEWSLETTER_NOTICE)
                        .reconfirmEvery(Period.ofMonths(12))
                        .recipient(Recipient.of("MailCourier Ltd", Recipient.Role.PROCESSOR))
                        .retention(RetentionDeclaration.of(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL))
                        .build())
                .purpose(Purpose.builder(ORDERS)
                        .name(LocalizedText.of(EN, "Order fulfilment"))
                        .description(LocalizedText.of(EN, "Designing and delivering what the client ordered."))
                        .basis(LegalBasis.CONTRACT)
                        .categories("contact", "order")
                        .retention(RetentionDeclaration.afterEvent(Period.ofMonths(24), "order.closed"))
                        .build())
                .purpose(Purpose.builder(PORTFOLIO)
                        .name(LocalizedText.of(EN, "Portfolio"))
                        .description(LocalizedText.of(EN, "Showing photos of finished projects in the studio's portfolio."))
                        .basis(LegalBasis.CONSENT)
                        .consentType(ConsentType.EXPLICIT)
                        .categories("photo")
                        .notice(PORTFOLIO_NOTICE)
                        .build())
                .purpose(Purpose.builder(INVOICES)
                        .name(LocalizedText.of(EN, "Invoices"))
                        .description(LocalizedText.of(EN, "Keeping invoices as tax law requires."))
                        .basis(LegalBasis.LEGAL_OBLIGATION)
                        .categories("billing")
                        .retention(RetentionDeclaration.afterEvent(Period.ofYears(5), "invoice.issued"))
                        .build())
                .build();
    }

    /** @return the studio catalogue with the standard newsletter notice */
    public static ProcessingCatalog catalog() {
        return catalog(newsletterNotice());
    }

    /**
     * @param storage the storage under test
     * @param clock the clock
     * @return a kit over the studio catalogue with the fixed keys
     */
    public static ConsentKit kit(ConsentStorage storage, Clock clock) {
        return kit(storage, clock, dev.consentkit.core.audit.ReadAuditMode.writeBehind());
    }

    /**
     * @param storage the storage under test
     * @param clock the clock
     * @param readAudits how the kit writes read audits
     * @return a kit over the studio catalogue with the fixed keys
     */
    public static ConsentKit kit(ConsentStorage storage, Clock clock, dev.consentkit.core.audit.ReadAuditMode readAudits) {
        return ConsentKit.builder()
                .catalog(catalog())
                .storage(storage)
                .clock(clock)
                .auditKey(auditKey())
                .pseudonymKey(pseudonymKey())
                .readAudits(readAudits)
                .build();
    }

    /**
     * A 2027 table of the {@code ru} calendar for tests: {@code ru-2027-fixture-later.calendar} or
     * {@code ru-2027-fixture-earlier.calendar}. They are made up - not the Government's decree, which
     * was not known when they were written - and differ from the provisional rule on purpose.
     *
     * @param name the fixture's file name
     * @return its text, to give to {@code YearlyWorkingDayCalendar.withTable}
     */
    public static java.io.InputStream calendarFixture(String name) {
        java.io.InputStream in = Fixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no calendar fixture " + name);
        }
        return in;
    }
}
