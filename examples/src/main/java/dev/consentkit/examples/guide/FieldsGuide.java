package dev.consentkit.examples.guide;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.KeyEncryptionKeyProvider;
import dev.consentkit.crypto.Normalizer;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.examples.studio.StudioCatalog;
import java.util.List;
import java.util.Set;

/**
 * The example of {@code docs/guide/field-encryption.md} and {@code docs/guide/blind-indexes.md}: a client's
 * e-mail sealed under her own key, found through a blind index, opened for a purpose, and shredded.
 */
public final class FieldsGuide {
    private FieldsGuide() {
    }

    /** What the example ends with. */
    public record Outcome(String stored, String opened, List<SubjectId> found, List<SubjectId> confirmed,
                          ErasureReceipt receipt) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @param masterKeys the key-encryption keys (in production: your KMS, a key file, or the environment)
     * @param indexKey the blind-index key
     * @return what the example ends with
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey, KeyEncryptionKeyProvider masterKeys,
                              HmacKey indexKey) {
        SubjectId client = SubjectId.of("client-1001");
        String clientRowId = "client-row-1001";
        ProcessingCatalog catalog = StudioCatalog.catalog(StudioCatalog.newsletterNotice());
        // snippet:fields
        ConsentKit kit = ConsentKit.builder().catalog(catalog).auditKey(auditKey).pseudonymKey(pseudonymKey)
                .accessPolicy(AccessPolicy.builder(catalog).grant("manager").purposes(StudioCatalog.ORDERS)
                        .categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH).build())
                .build();                               // the one access policy, which field encryption checks
        ProtectedField email = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
        BlindIndex byEmail = BlindIndex.sized(IndexName.of("client.email"), email, Normalizer.EMAIL, 16, 1_000_000);
        FieldCrypto crypto = FieldCrypto.builder(kit)
                .keyEncryptionKeys(masterKeys)          // e.g. KeyEncryptionKeyProvider.fromEnvironment("CK_MASTER_KEY")
                .blindIndexKey(indexKey)
                .fields(email).blindIndex(byEmail)      // the only source of a field's category and key group
                .build();
        Principal olga = Principal.of("olga", "manager");
        String stored = crypto.seal(olga, StudioCatalog.ORDERS, email.at(clientRowId, client), "anna@example.org"); // "ck1.AQEC..."
        crypto.index(olga, StudioCatalog.ORDERS, byEmail, client, "anna@example.org");
        String value = crypto.open(olga, StudioCatalog.ORDERS, email.at(clientRowId, client), stored);
        // end:fields
        // snippet:find
        List<SubjectId> candidates = crypto.find(olga, StudioCatalog.ORDERS, byEmail, "Anna@Example.org"); // may hold false matches
        List<SubjectId> matches = crypto.findConfirmed(olga, StudioCatalog.ORDERS, byEmail, "Anna@Example.org",
                subject -> List.of(new SealedValue("client", "email", clientRowId, stored))); // your rows of that subject
        // end:find
        // snippet:shred
        ErasureReceipt receipt = crypto.shred(client, Set.of(), Actor.operator("dpo")); // every copy is now unreadable
        // end:shred
        return new Outcome(stored, value, candidates, matches, receipt);
    }
}
