package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one catalogue, keys and clock of the JDBC benchmarks, so every fork builds the same kit and a
 * PostgreSQL database filled by an earlier run stays valid: a consent-based newsletter with a notice
 * (version 1.0, English) and yearly re-confirmation, fixed keys, and a fixed clock.
 */
final class JdbcBenchCatalog {
    static final PurposeId NEWSLETTER = PurposeId.of("newsletter");
    static final Locale LOCALE = Locale.ENGLISH;
    /** The kit's fixed "now": reading the time costs neither side anything. */
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final HmacKey AUDIT_KEY = key((byte) 1);
    static final HmacKey PSEUDONYM_KEY = key((byte) 2);
    private static final NoticeId NOTICE = NoticeId.of("newsletter-notice");
    private static final Period RECONFIRM = Period.ofMonths(12);
    static final ProcessingCatalog CATALOG = catalog();

    private JdbcBenchCatalog() {
    }

    static ConsentKit kit(ConsentStorage storage) {
        return kit(storage, ReadAuditMode.writeBehind());
    }

    /**
     * @param storage the storage
     * @param readAudits how the kit writes read audits
     * @return the kit, its clock fixed at {@link #NOW}
     */
    static ConsentKit kit(ConsentStorage storage, ReadAuditMode readAudits) {
        return builder(storage, readAudits).build();
    }

    /**
     * @param storage the storage
     * @param readAudits how the kit writes read audits
     * @param policy the access policy field encryption checks (the kit's)
     * @return the kit, its clock fixed at {@link #NOW}
     */
    static ConsentKit kit(ConsentStorage storage, ReadAuditMode readAudits, AccessPolicy policy) {
        return builder(storage, readAudits).accessPolicy(policy).build();
    }

    private static ConsentKit.Builder builder(ConsentStorage storage, ReadAuditMode readAudits) {
        return ConsentKit.builder()
                .catalog(CATALOG)
                .storage(storage)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .auditKey(AUDIT_KEY)
                .pseudonymKey(PSEUDONYM_KEY)
                .readAudits(readAudits);
    }

    /** @return the notice reference a consent given now pins */
    static NoticeRef noticeShown() {
        Notice notice = CATALOG.notice(NOTICE).orElseThrow();
        return notice.ref(notice.current(), LOCALE);
    }

    /** @return the end of the validity period of a consent given now, in microseconds since the epoch */
    static long validUntilMicros() {
        return micros(NOW.atZone(ZoneOffset.UTC).plus(RECONFIRM).toInstant());
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static ProcessingCatalog catalog() {
        Notice notice = Notice.builder(NOTICE)
                .version("1.0", LocalizedText.of(LOCALE, "I agree to receive news and offers by e-mail."))
                .build();
        return ProcessingCatalog.builder()
                .controller(Controller.of("Benchmark Studio LLC", "privacy@bench.example"))
                .jurisdiction("RU")
                .defaultLocale(LOCALE)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(LOCALE, "Contact details"), false))
                .notice(notice)
                .purpose(Purpose.builder(NEWSLETTER)
                        .name(LocalizedText.of(LOCALE, "Newsletter"))
                        .description(LocalizedText.of(LOCALE, "News and offers by e-mail."))
                        .basis(LegalBasis.CONSENT)
                        .categories(CategoryId.of("contact"))
                        .notice(NOTICE)
                        .reconfirmEvery(RECONFIRM)
                        .build())
                .build();
    }

    private static HmacKey key(byte fill) {
        byte[] bytes = new byte[HmacKey.MIN_BYTES];
        Arrays.fill(bytes, fill);
        return HmacKey.of(bytes);
    }
}
