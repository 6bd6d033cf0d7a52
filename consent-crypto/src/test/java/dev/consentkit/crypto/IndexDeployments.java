package dev.consentkit.crypto;

import java.time.Clock;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;

/**
 * The studio's {@link FieldCrypto} as a host deploys it, over one kit and one set of keys: each
 * deployment declares its own blind indexes. Moving an index to a new normaliser version is two
 * deployments over the same storage — the release that declared version 1 wrote the entries, the one
 * that declares version 2 searches them and runs the {@link ReindexJob}.
 *
 * <p>{@link #STAFF} may read, write and search contact details for orders and the newsletter;
 * {@link #READER} (the re-index job's account) may only read them for orders; a designer may only read
 * order details.
 */
final class IndexDeployments {
    static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
    static final ProtectedField LAST_NAME = ProtectedField.of("client", "last_name", CategoryId.of("contact"), KeyGroup.of("contract"));
    static final ProtectedField BIRTH_DATE = ProtectedField.of("client", "birth_date", CategoryId.of("contact"), KeyGroup.of("contract"));
    static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    static final Principal STAFF = Principal.of("olga", "manager");
    static final Principal READER = Principal.of("reindex-job", "maintenance");

    private final ConsentKit kit;
    private final byte[] indexKey;

    /**
     * @param kit the kit every deployment shares, made by {@link #kit} (its policy is theirs)
     * @param indexKey the blind-index root key every deployment shares
     */
    IndexDeployments(ConsentKit kit, byte[] indexKey) {
        this.kit = kit;
        this.indexKey = indexKey.clone();
    }

    /**
     * The kit every deployment shares, with the access policy they check (the kit's): managers read,
     * write and search contact details, maintenance reads them, designers read order details.
     *
     * @param storage the storage
     * @param clock the clock
     * @return a {@link Fixtures} kit with that policy
     */
    static ConsentKit kit(ConsentStorage storage, Clock clock) {
        return kit(storage, clock, ReadAuditMode.writeBehind());
    }

    /** {@link #kit(ConsentStorage, Clock)} with the given read-audit mode. */
    static ConsentKit kit(ConsentStorage storage, Clock clock, ReadAuditMode readAudits) {
        return Instances.kit(storage, clock, readAudits, AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CategoryId.of("contact"))
                .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
                .grant("maintenance").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ)
                .grant("designer").purposes(ORDERS).categories(CategoryId.of("order")).actions(AccessAction.READ)
                .build());
    }

    /** @return a builder with the keys and every field declared, and no index yet; the policy is the kit's */
    FieldCrypto.Builder builder() {
        return FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
                .blindIndexKey(HmacKey.of(indexKey))
                .fields(EMAIL, PHONE, LAST_NAME, BIRTH_DATE, NEWS_EMAIL);
    }

    /** @return a deployment that declares {@code index} */
    FieldCrypto declaring(BlindIndex index) {
        return builder().blindIndex(index).build();
    }

    /** @return a deployment that declares {@code index} */
    FieldCrypto declaring(CompoundBlindIndex index) {
        return builder().blindIndex(index).build();
    }

    static byte[] filled(int b) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) b);
        return key;
    }
}
