package dev.consentkit.benchmarks.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.Normalizer;
import dev.consentkit.crypto.ProtectedField;
import java.util.Locale;

/**
 * A {@link FieldCrypto} over a fresh in-memory kit whose catalogue has one purpose, under contract (so
 * no consent is needed), and whose access policy lets the role {@value #ROLE} read, write and search
 * contact details for it; the e-mail field and its blind index are declared.
 */
final class Kits {
    /** The one purpose: order fulfilment, legal basis contract. */
    static final PurposeId ORDERS = PurposeId.of("order-fulfilment");
    /** The role the access policy grants READ, WRITE and SEARCH on "contact" for {@link #ORDERS}. */
    static final String ROLE = "manager";
    /** The one protected field. */
    static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("orders"));
    /** A 16-bit e-mail index over {@link #EMAIL}. */
    static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);

    private Kits() {
    }

    /** @return field crypto over a fresh in-memory kit, with fixed benchmark keys */
    static FieldCrypto fieldCrypto() {
        ProcessingCatalog catalog = ProcessingCatalog.builder()
                .controller(Controller.of("Bench Studio LLC", "privacy@bench.example"))
                .jurisdiction("RU")
                .defaultLocale(Locale.ENGLISH)
                .category(new DataCategory(CategoryId.of("contact"), LocalizedText.of(Locale.ENGLISH, "Contact details"), false))
                .purpose(Purpose.builder(ORDERS)
                        .name(LocalizedText.of(Locale.ENGLISH, "Order fulfilment"))
                        .description(LocalizedText.of(Locale.ENGLISH, "Delivering what the client ordered."))
                        .basis(LegalBasis.CONTRACT)
                        .categories(CategoryId.of("contact"))
                        .build())
                .build();
        AccessPolicy policy = AccessPolicy.builder(catalog)
                .grant(ROLE).purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE,
                        AccessAction.SEARCH)
                .build();
        ConsentKit kit = ConsentKit.builder()
                .catalog(catalog)
                .storage(InMemoryStorage.create())
                .auditKey(HmacKey.of(Keys.bytes(1, 32)))
                .pseudonymKey(HmacKey.of(Keys.bytes(2, 32)))
                .accessPolicy(policy)
                .build();
        return FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-bench"), Keys.bytes(3, 32)))
                .blindIndexKey(HmacKey.of(Keys.bytes(4, 32)))
                .fields(EMAIL)
                .blindIndex(EMAIL_INDEX)
                .build();
    }
}
