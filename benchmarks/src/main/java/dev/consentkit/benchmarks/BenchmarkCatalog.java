package dev.consentkit.benchmarks;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Clock;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;

/**
 * A small catalogue (a consent-based newsletter, and a contract-based purpose so the catalogue is not
 * a single entry) and fixed keys, so the benchmarks build the same kit every run. The core's test fixtures are not on this class path.
 */
final class BenchmarkCatalog {
    static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    private static final NoticeId NEWSLETTER_NOTICE = NoticeId.of("newsletter-notice");

    private BenchmarkCatalog() {
    }

    /**
     * @param storage the kit's storage
     * @param clock the kit's clock; benchmarks pass a fixed one
     * @return a kit over the catalogue with fixed keys
     */
    static ConsentKit kit(ConsentStorage storage, Clock clock) {
        return ConsentKit.builder()
                .catalog(catalog())
                .storage(storage)
                .clock(clock)
                .auditKey(key((byte) 1))
                .pseudonymKey(key((byte) 2))
                .build();
    }

    private static ProcessingCatalog catalog() {
        Notice notice = Notice.builder(NEWSLETTER_NOTICE)
                .version("1.0", LocalizedText.of(Locale.ENGLISH, "I agree to receive news and offers by e-mail or SMS."))
                .build();
        return ProcessingCatalog.builder()
                .controller(Controller.of("Benchmark Studio LLC", "privacy@bench.example"))
                .jurisdiction("RU")
                .defaultLocale(Locale.ENGLISH)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .notice(notice)
                .purpose(Purpose.builder(NEWSLETTER)
                        .name(LocalizedText.of(Locale.ENGLISH, "Newsletter"))
                        .description(LocalizedText.of(Locale.ENGLISH, "News and offers by e-mail or SMS."))
                        .basis(LegalBasis.CONSENT)
                        .categories(CategoryId.of("contact"))
                        .notice(NEWSLETTER_NOTICE)
                        .reconfirmEvery(Period.ofMonths(12))
                        .retention(RetentionDeclaration.of(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL))
                        .build())
                .purpose(Purpose.builder(PurposeId.of("order-fulfilment"))
                        .name(LocalizedText.of(Locale.ENGLISH, "Order fulfilment"))
                        .description(LocalizedText.of(Locale.ENGLISH, "Delivering what the client ordered."))
                        .basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact"))
                        .build())
                .build();
    }

    private static HmacKey key(byte fill) {
        byte[] bytes = new byte[HmacKey.MIN_BYTES];
        Arrays.fill(bytes, fill);
        return HmacKey.of(bytes);
    }
}
