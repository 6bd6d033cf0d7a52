package dev.consentkit.examples.guide;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.BreachRisk;
import dev.consentkit.core.register.NotificationStatus;
import dev.consentkit.core.register.ProcessingRegister;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.examples.studio.StudioCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The example of {@code docs/guide/register.md}: the register of processing from the declarations, and
 * a breach with its notification clocks.
 */
public final class RegisterGuide {
    private RegisterGuide() {
    }

    /** What the example ends with. */
    public record Outcome(ProcessingRegister register, String markdown, BreachIncident breach,
                          List<NotificationStatus> status) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the register and the breach
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) {
        Instant found = Instant.parse("2026-03-06T15:00:00Z");
        ProcessingCatalog catalog = StudioCatalog.catalog(StudioCatalog.newsletterNotice());
        ConsentKit kit = ConsentKit.builder().catalog(catalog)
                .clock(Clock.fixed(found.plus(Duration.ofHours(20)), ZoneOffset.UTC))
                .auditKey(auditKey).pseudonymKey(pseudonymKey)
                .accessPolicy(AccessPolicy.builder(catalog).grant("manager").purposes(StudioCatalog.ORDERS)
                        .categories(CategoryId.of("contact")).actions(AccessAction.READ).build())
                .build();
        FieldCrypto.builder(kit)                 // what the register says is encrypted
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("guide-kek"), GuideKeys.random().bytes()))
                .blindIndexKey(GuideKeys.random())
                .fields(ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"))).build();
        Actor dpo = Actor.operator("dpo");
        // snippet:register
        ProcessingRegister register = ProcessingRegister.builder(kit)
                .securityMeasure("nightly encrypted backups, restore tested monthly").locale(StudioCatalog.EN).build();
        register.problems();                   // every missing Art. 30(1)(a)-(g) field, with its purpose
        String md = register.toMarkdown();     // also toCsv() (RFC 4180) and RegisterJson.create().write(register)
        // end:register
        // snippet:breach
        BreachRegister breaches = BreachRegister.of(kit);
        BreachIncident b = breaches.record(found, found, BreachDetails.builder("Laptop with the order book stolen")
                        .categories(CategoryId.of("contact"), CategoryId.of("order")).approximately(140, 410)
                        .likelyConsequences("Addresses and phone numbers may be misused for fraud")
                        .measuresTaken("Laptop wiped remotely; passwords changed")
                        .presumedCauses("The export was kept unencrypted on the laptop")
                        .contactPoint("privacy@studio-lumen.example").risk(BreachRisk.HIGH).build(),
                List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ), dpo);
        b.deadlines();                         // GDPR 72 h from awareness; 152-FZ 24 h and 72 h from detection
        breaches.notified(b.id(), Jurisdiction.RU_152FZ, "initial-notice", found.plus(Duration.ofHours(19)),
                "RKN-2026-0042", dpo);
        List<NotificationStatus> status = breaches.status(b.id());
        // end:breach
        return new Outcome(register, md, b, status);
    }
}
