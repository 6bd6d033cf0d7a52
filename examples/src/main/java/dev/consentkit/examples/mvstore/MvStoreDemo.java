package dev.consentkit.examples.mvstore;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.rights.SubjectRights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * A kit on the MVStore adapter, end to end: consent recorded in a file, the file closed and opened
 * again, the decision and the audit chain still there, and a feature the adapter does not offer refused
 * by name. Run: {@code ./mvnw -q -pl examples -am verify -DskipTests -Pdemo
 * -Ddemo.mainClass=dev.consentkit.examples.mvstore.MvStoreDemo} (an argument names the file; without
 * one, a temporary file).
 */
public final class MvStoreDemo {
    private MvStoreDemo() {
    }

    /**
     * @param args optional: the MVStore file to use
     * @throws IOException if no temporary file can be made
     */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("consentkit-mvstore").resolve("consent.mv.db");
        HmacKey auditKey = randomKey();
        HmacKey pseudonymKey = randomKey();
        SubjectId client = SubjectId.of("client-42");
        PurposeId newsletter = PurposeId.of("newsletter");

        try (MvStoreStorage storage = MvStoreStorage.open(file)) {
            ConsentKit kit = kit(storage, auditKey, pseudonymKey);
            kit.consent(client, newsletter).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup").build()).give();
            System.out.println("recorded in " + file + ": " + kit.check(client, newsletter));
        }
        try (MvStoreStorage storage = MvStoreStorage.open(file)) {
            ConsentKit kit = kit(storage, auditKey, pseudonymKey);
            System.out.println("after reopening: " + kit.check(client, newsletter));
            System.out.println("history: " + kit.history(client).entries().size() + " event(s)");
            System.out.println("audit chain intact: " + AuditTrail.of(kit).verify().isIntact());
            try {
                SubjectRights.builder(kit).build();
            } catch (IllegalStateException e) {
                System.out.println("subject rights on a consent-only storage: " + e.getMessage());
            }
        }
    }

    private static ConsentKit kit(MvStoreStorage storage, HmacKey auditKey, HmacKey pseudonymKey) {
        ProcessingCatalog catalog = ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "privacy@studio-lumen.example")).jurisdiction("RU")
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .notice(Notice.builder(NoticeId.of("news")).version("1.0", LocalizedText.of(Locale.ENGLISH, "Send me news.")).build())
                .purpose(Purpose.builder(PurposeId.of("newsletter")).name(LocalizedText.of(Locale.ENGLISH, "Newsletter"))
                        .description(LocalizedText.of(Locale.ENGLISH, "News by e-mail."))
                        .basis(LegalBasis.CONSENT).categories(CategoryId.of("contact")).notice(NoticeId.of("news")).build())
                .build();
        return ConsentKit.builder().catalog(catalog).storage(storage).auditKey(auditKey).pseudonymKey(pseudonymKey).build();
    }

    private static HmacKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HmacKey.of(key);
    }
}
