package dev.consentkit.examples.guide;

import static dev.consentkit.examples.studio.StudioCatalog.EN;
import static dev.consentkit.examples.studio.StudioCatalog.NEWSLETTER;
import static dev.consentkit.examples.studio.StudioCatalog.RU;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.transparency.ConsentForm;
import dev.consentkit.core.transparency.Document;
import dev.consentkit.core.transparency.Format;
import dev.consentkit.core.transparency.Templates;
import dev.consentkit.core.transparency.Transparency;
import dev.consentkit.examples.studio.StudioCatalog;
import java.util.Map;

/**
 * The example of {@code docs/guide/documents.md}: the privacy policy and a consent form written from the
 * catalogue, the form published as the notice a consent pins, and the client's receipt.
 */
public final class DocumentsGuide {
    private DocumentsGuide() {
    }

    /** What the example ends with. */
    public record Outcome(Document policy, ConsentForm form, String pinnedSha256, Document receipt) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the documents and the hash the consent pinned
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) {
        SubjectId client = SubjectId.of("client-1004");
        // snippet:documents
        ConsentKit kit = ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNotice()))
                .jurisdiction(Jurisdiction.RU_152FZ)                  // deadlines in the policy; written consents checked
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        Transparency docs = Transparency.builder(kit)                 // the kit's catalogue, jurisdiction, access policy
                .locales(RU, EN)
                .templates(Templates.defaults()                       // your wording for your business events
                        .withWording(RU, Map.of("event.order.closed", "закрытия заказа"))
                        .withWording(EN, Map.of("event.order.closed", "the order is closed")))
                .build();                                             // checks every template, translation and form
        Document policy = docs.policy(RU, Format.HTML);
        ConsentForm form = docs.consentForm(NEWSLETTER, RU, Format.HTML); // one purpose, unticked box, how to withdraw

        // publish the forms as notice versions: the text shown is the text a Given event pins
        ProcessingCatalog published = docs.publishForms("2.0", ConsentForm.Variant.CHECKBOX, Format.HTML);
        ConsentKit live = ConsentKit.builder().catalog(published).jurisdiction(Jurisdiction.RU_152FZ)
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        LedgerEntry given = live.consent(client, NEWSLETTER).notice("2.0", RU)
                .evidence(live.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v4").build()).give();
        String pinned = given.event().notice().orElseThrow().textSha256(); // equals form.sha256()
        Document receipt = docs.receipt(live.receipt(given), Format.MARKDOWN);
        // end:documents
        return new Outcome(policy, form, pinned, receipt);
    }
}
