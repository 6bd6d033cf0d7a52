package dev.consentkit.examples;

// snippet:quickstart
import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import java.util.Locale;

/** Declares a purpose, records a consent and checks it: the smallest complete use of ConsentKit. */
public class QuickStart {
    public static void main(String[] args) {
        // Two different secrets of 32 random bytes, kept outside the database; make each once with
        //   openssl rand -base64 32
        HmacKey auditKey = HmacKey.fromBase64(System.getenv("CK_AUDIT_KEY"));
        HmacKey pseudonymKey = HmacKey.fromBase64(System.getenv("CK_PSEUDONYM_KEY"));
        System.out.println(run(auditKey, pseudonymKey));
    }

    static Decision run(HmacKey auditKey, HmacKey pseudonymKey) {
        CategoryId contact = CategoryId.of("contact");
        PurposeId newsletter = PurposeId.of("newsletter");
        NoticeId news = NoticeId.of("news");
        ProcessingCatalog catalog = ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "privacy@studio-lumen.example")).jurisdiction("RU")
                .category(new DataCategory(contact, LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .notice(Notice.builder(news)
                        .version("1.0", LocalizedText.of(Locale.ENGLISH, "Send me news and offers.")).build())
                .purpose(Purpose.builder(newsletter).name(LocalizedText.of(Locale.ENGLISH, "Newsletter"))
                        .description(LocalizedText.of(Locale.ENGLISH, "News and offers by e-mail."))
                        .basis(LegalBasis.CONSENT).categories(contact).notice(news).build())
                .build();
        ConsentKit kit = ConsentKit.builder().catalog(catalog).auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        SubjectId client = SubjectId.of("client-42");
        kit.consent(client, newsletter)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build())
                .give();
        return kit.check(client, newsletter); // Permitted[basis=CONSENT, since=..., notice=news 1.0]
    }
}
// end:quickstart
