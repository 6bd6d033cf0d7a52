package dev.consentkit.examples.guide;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ErasureOutcome;
import dev.consentkit.core.rights.ErasureRequest;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.rights.SubjectDataContributor;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.examples.studio.StudioCatalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The example of {@code docs/guide/erasure.md}: an access export and an erasure over the kit's records and
 * the host's own client table, first refused by a legal hold, then done.
 */
public final class ErasureGuide {
    private ErasureGuide() {
    }

    /** What the example ends with. */
    public record Outcome(String export, ErasureOutcome refused, ErasureOutcome erased, boolean clientRowLeft) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the export, the refused and the completed erasure
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) {
        ConsentKit kit = ConsentKit.builder().catalog(StudioCatalog.catalog(StudioCatalog.newsletterNotice()))
                .auditKey(auditKey).pseudonymKey(pseudonymKey).build();
        SubjectId client = SubjectId.of("client-2001");
        ClientTable clients = new ClientTable();
        clients.rows.put(client, "Anna Petrova");
        kit.consent(client, StudioCatalog.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        Actor dpo = Actor.operator("dpo");
        // snippet:export
        SubjectDataService data = SubjectDataService.builder(kit)
                .contributor(clients)                  // your tables: implements SubjectDataContributor
                .build();                              // encrypted fields: through the kit's FieldCrypto
        SubjectRights rights = SubjectRights.builder(kit).build();
        RequestId access = rights.receive(client, RequestType.ACCESS, Actor.subject()).id();
        rights.verifyIdentity(access, dpo);
        String bundle = ConsentJson.create().writeExport(data.export(access, dpo)); // and completes the request
        // end:export
        // snippet:erase
        LegalHold hold = LegalHolds.of(kit).place(HoldScope.forSubject(client), "court case A40-1234/2026", dpo);
        ErasureRequest request = ErasureRequest.builder(client, dpo)
                .contact(ContactPoint.email("anna@example.org"))   // suppressed, kept as a keyed hash
                .build();
        ErasureOutcome refused = data.erase(request);          // REFUSED: the hold's reason
        LegalHolds.of(kit).lift(hold.id(), dpo);
        ErasureOutcome outcome = data.erase(request);          // COMPLETED; outcome.kept() says what stayed and why
        // end:erase
        return new Outcome(bundle, refused, outcome, clients.rows.containsKey(client));
    }

    /** The host's client table, in memory for the example. */
    private static final class ClientTable implements SubjectDataContributor {
        final Map<SubjectId, String> rows = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "clients";
        }

        @Override
        public void contribute(SubjectId subject, ExportSink sink) {
            String name = rows.get(subject);
            if (name != null) {
                sink.record("client", Map.of("full_name", ExportValue.plain(name)));
            }
        }

        @Override
        public ContributorErasure erase(SubjectId subject, ErasureContext context) {
            ContributorErasure.Builder done = ContributorErasure.builder(context);
            if (context.mayErase(CategoryId.of("contact")) && rows.remove(subject) != null) {
                done.erased("client row", 1);
            }
            return done.build();
        }
    }
}
