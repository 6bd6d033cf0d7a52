package dev.consentkit.examples.studio;

import static dev.consentkit.examples.studio.StudioCatalog.EN;
import static dev.consentkit.examples.studio.StudioCatalog.NEWSLETTER;
import static dev.consentkit.examples.studio.StudioCatalog.RU;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentReceipt;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.transparency.ChangeNotes;
import dev.consentkit.core.transparency.ConsentForm;
import dev.consentkit.core.transparency.Format;
import dev.consentkit.core.transparency.Templates;
import dev.consentkit.core.transparency.Transparency;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/**
 * The documents a client reads, written from the catalogue: the privacy policy in Russian, the
 * newsletter's consent form, the form published as the notice a consent pins, the client's receipt
 * after consenting, and what changed between two catalogue versions.
 */
final class TransparencyChapter {
    private TransparencyChapter() {
    }

    /**
     * @param out where to print
     * @param kitOn builds a kit on a catalogue, over the demo's storage and clock
     * @param before the catalogue of the first release
     * @param current the kit in force
     */
    static void run(PrintStream out, Function<ProcessingCatalog, ConsentKit> kitOn, ProcessingCatalog before,
                    ConsentKit current) {
        Transparency docs = Transparency.builder(current)       // the kit's catalogue, 152-FZ, access policy, FieldCrypto
                .locales(RU, EN)
                .templates(Templates.defaults()
                        .withWording(RU, Map.of("event.order.closed", "закрытия заказа"))
                        .withWording(EN, Map.of("event.order.closed", "the order is closed")))
                .build();

        out.println();
        out.println("12. The privacy policy, written from the catalogue (ru, Markdown)");
        out.println(docs.policy(RU, Format.MARKDOWN).text().indent(3).stripTrailing());

        out.println();
        out.println("13. The newsletter's consent form: one purpose, an unticked box, the policy link, how to withdraw");
        ConsentForm form = docs.consentForm(NEWSLETTER, RU, Format.MARKDOWN);
        out.println(form.text().indent(3).stripTrailing());
        ConsentForm written = docs.consentForm(StudioCatalog.PORTFOLIO, RU, Format.MARKDOWN, ConsentForm.Variant.WRITTEN);
        out.println("   (the portfolio's written consent carries all " + written.elements().size()
                + " elements of 152-FZ Art. 9 part 4 and passed the validator)");

        out.println();
        out.println("14. The form becomes notice version 3.0; Dmitry ticks the box and gets his receipt");
        ProcessingCatalog published = docs.publishForms("3.0", ConsentForm.Variant.CHECKBOX, Format.MARKDOWN);
        ConsentKit kit = kitOn.apply(published);
        SubjectId dmitry = SubjectId.of("client-1004");
        LedgerEntry given = kit.consent(dmitry, NEWSLETTER).notice("3.0", RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v4").build())
                .give();
        String pinned = given.event().notice().orElseThrow().textSha256();
        out.println("   form sha256   " + form.sha256());
        out.println("   pinned sha256 " + pinned + (pinned.equals(form.sha256()) ? "  (the same bytes)" : "  (MISMATCH)"));
        ConsentReceipt receipt = kit.receipt(given);
        out.println(docs.receipt(receipt, Format.MARKDOWN).text().indent(3).stripTrailing());

        out.println();
        out.println("15. What changed for clients between the first release and now (ru)");
        ChangeNotes notes = ChangeNotes.between(before, current.catalog());
        out.println(docs.changeNotes(notes, RU, Format.MARKDOWN).text().indent(3).stripTrailing());
        out.println("   major: " + notes.isMajor() + ", re-consent needed for " + notes.reconsentNeeded()
                + ", notice not renewed for " + notes.noticeNotRenewed());
    }
}
