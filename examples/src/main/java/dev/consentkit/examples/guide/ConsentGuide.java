package dev.consentkit.examples.guide;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.examples.studio.StudioCatalog;
import java.util.List;
import java.util.Map;

/** The example of {@code docs/guide/consent.md}: record, narrow, withdraw, restrict, check and prove a consent. */
public final class ConsentGuide {
    private ConsentGuide() {
    }

    /** What the example ends with. */
    public record Outcome(Decision afterWithdrawal, Decision project42, Decision project43, Decision restricted,
                          Map<SubjectId, Decision> audience, String receiptJson, int historySize, boolean sameEntry) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return what the example ends with
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) {
        ConsentKit kit = ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNotice()))
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        SubjectId anna = SubjectId.of("client-1001");
        SubjectId boris = SubjectId.of("client-1002");
        // snippet:give
        LedgerEntry given = kit.consent(anna, StudioCatalog.NEWSLETTER)
                .locale(StudioCatalog.RU)                                    // the notice text shown, pinned by SHA-256
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress("203.0.113.7").userAgent("Mozilla/5.0").build())   // kept only as keyed hashes
                .idempotencyKey("web-req-8f1c")                              // a double submit records nothing new
                .give();
        String receipt = ConsentJson.create().writeReceipt(kit.receipt(given)); // Kantara Consent Receipt 1.1
        // end:give
        LedgerEntry again = kit.consent(anna, StudioCatalog.NEWSLETTER).locale(StudioCatalog.RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress("203.0.113.7").userAgent("Mozilla/5.0").build())
                .idempotencyKey("web-req-8f1c").give();
        // snippet:scope
        kit.consent(boris, StudioCatalog.PORTFOLIO).asset(AssetId.of("project-42"))
                .evidence(kit.evidence(CollectionMethod.PAPER_FORM).recordedBy(Actor.operator("desk-olga"))
                        .formId("paper-portfolio-v1").attachment("scans/2026/03/portfolio-17.pdf").build())
                .give();
        Decision shown = kit.check(ConsentScope.of(boris, StudioCatalog.PORTFOLIO).withAsset(AssetId.of("project-42")));
        Decision other = kit.check(ConsentScope.of(boris, StudioCatalog.PORTFOLIO).withAsset(AssetId.of("project-43")));
        // end:scope
        kit.consent(boris, StudioCatalog.NEWSLETTER).evidence(kit.evidence(CollectionMethod.IN_PERSON)
                .recordedBy(Actor.operator("desk-olga")).build()).give();
        // snippet:withdraw
        kit.consent(anna, StudioCatalog.NEWSLETTER)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("account-settings").build())
                .withdraw();                                                 // one call, as easy as giving
        Decision now = kit.check(anna, StudioCatalog.NEWSLETTER);           // Denied[reason=WITHDRAWN, ...]
        kit.restrict(boris, StudioCatalog.NEWSLETTER, Actor.operator("dpo")); // GDPR Art. 18: denied until lifted
        Decision restricted = kit.check(boris, StudioCatalog.NEWSLETTER);
        Map<SubjectId, Decision> audience = kit.checkAll(List.of(anna, boris), StudioCatalog.NEWSLETTER);
        // end:withdraw
        return new Outcome(now, shown, other, restricted, audience, receipt, kit.history(anna).entries().size(),
                again.equals(given));
    }
}
