package dev.consentkit.examples;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The README's quick start, verbatim between the markers (a test holds the two equal), so that the
 * lines a reader copies compile and run.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Runs the quick start and prints the decision.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run(randomKey(), randomKey()));
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the decision the quick start ends with
     */
    public static Decision run(HmacKey auditKey, HmacKey pseudonymKey) {
        // README:start
        ProcessingCatalog catalog = ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "privacy@studio-lumen.example")).jurisdiction("RU")
                .category(new DataCategory("contact", LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .notice(Notice.builder(NoticeId.of("news")).version("1.0", LocalizedText.of(Locale.ENGLISH, "Send me news and offers.")).build())
                .purpose(Purpose.builder("newsletter").name(LocalizedText.of(Locale.ENGLISH, "Newsletter"))
                        .description(LocalizedText.of(Locale.ENGLISH, "News and offers by e-mail."))
                        .basis(LegalBasis.CONSENT).categories("contact").notice("news").build())
                .build();
        ConsentKit kit = ConsentKit.builder().catalog(catalog).auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        SubjectId client = SubjectId.of("client-42");
        PurposeId newsletter = PurposeId.of("newsletter");
        kit.consent(client, newsletter).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build()).give();
        Decision decision = kit.check(client, newsletter); // Permitted[basis=CONSENT, since=..., notice=news 1.0]
        // README:end
        return decision;
    }

    private static HmacKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HmacKey.of(key);
    }
}
