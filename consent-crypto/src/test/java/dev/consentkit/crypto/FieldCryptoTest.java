package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessDecision;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sealing, purpose-bound opening, blind indexes and crypto-shredding as a CRM uses them (M19, M20). */
class FieldCryptoTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"))
            .replacedBy("[erased]");
    private static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
            .grant("manager").purposes(ORDERS, NEWSLETTER).categories(CategoryId.of("contact"))
            .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
            .grant("designer").purposes(ORDERS).categories(CategoryId.of("order")).actions(AccessAction.READ)
            .build();
    private final ConsentKit kit = Instances.kit(storage, clock, policy);
    private final FieldCrypto crypto = FieldCrypto.builder(Instances.of(kit))
            .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
            .blindIndexKey(HmacKey.of(filled(9)))
            .fields(EMAIL, NEWS_EMAIL, PHONE)
            .blindIndex(EMAIL_INDEX)
            .build();
    private final SubjectId anna = SubjectId.of("client-1001");
    private final Principal manager = Principal.of("olga", "manager");

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    @Test
    void aSealedValueOpensForAPermittedPurposeAndHoldsNoPlaintext_M19() {
        String stored = crypto.seal(manager, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");

        assertThat(stored).startsWith("ck1.").doesNotContain("anna").doesNotContain("example");
        assertThat(crypto.open(manager, ORDERS, EMAIL.at("row-1", anna), stored)).isEqualTo("anna@example.org");
        assertThat(AuditTrail.of(kit).records(1, 100)).extracting(r -> r.event().action().code())
                .containsExactly("key.created", "field.opened");
    }

    @Test
    void aValueMovedToAnotherRowColumnOrSubjectDoesNotOpen() {
        String stored = crypto.seal(manager, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");

        assertThatThrownBy(() -> crypto.open(manager, ORDERS, EMAIL.at("row-2", anna), stored))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        assertThatThrownBy(() -> crypto.open(manager, ORDERS, PHONE.at("row-1", anna), stored))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        SubjectId boris = SubjectId.of("client-1002");
        crypto.seal(manager, ORDERS, EMAIL.at("row-9", boris), "boris@example.org");
        assertThatThrownBy(() -> crypto.open(manager, ORDERS, EMAIL.at("row-1", boris), stored))
                .isInstanceOf(RuntimeException.class).hasMessageNotContaining("anna");
    }

    @Test
    void aRoleWithoutTheGrantIsRefusedBeforeAnyKeyIsTouchedAndTheRefusalIsAudited() {
        String stored = crypto.seal(manager, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");

        assertThatThrownBy(() -> crypto.open(Principal.of("ivan", "designer"), ORDERS, EMAIL.at("row-1", anna), stored))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDecision.Reason.CATEGORY_NOT_GRANTED));
        AuditRecord last = AuditTrail.of(kit).records(1, 100).get(1);
        assertThat(last.event().action()).isEqualTo(FieldCrypto.FIELD_OPEN_REFUSED);
        assertThat(last.event().actor()).isEqualTo(Actor.operator("ivan"));
    }

    @Test
    void aPurposeTheClientWithdrewFromDoesNotOpen_M6() {
        String stored = crypto.seal(manager, ORDERS, NEWS_EMAIL.at("sub-1", anna), "anna@example.org");
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        assertThat(crypto.open(manager, NEWSLETTER, NEWS_EMAIL.at("sub-1", anna), stored)).isEqualTo("anna@example.org");

        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();

        assertThatThrownBy(() -> crypto.open(manager, NEWSLETTER, NEWS_EMAIL.at("sub-1", anna), stored))
                .isInstanceOfSatisfying(PurposeNotPermittedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.WITHDRAWN));
    }

    @Test
    void shreddingMakesEveryCopyUnreadableRemovesIndexesAndIsAudited_M20() {
        FieldRef email = EMAIL.at("row-1", anna);
        FieldRef phone = PHONE.at("row-1", anna);
        String backupOfEmail = crypto.seal(manager, ORDERS, email, "anna@example.org");
        String backupOfPhone = crypto.seal(manager, ORDERS, phone, "+79123456789");
        crypto.index(manager, ORDERS, EMAIL_INDEX, anna, "Anna@Example.org");
        assertThat(crypto.find(manager, ORDERS, EMAIL_INDEX, "anna@example.org ")).containsExactly(anna);

        ErasureReceipt receipt = crypto.shred(anna, Set.of(), Actor.operator("dpo"));

        assertThat(receipt.keysDestroyed()).isEqualTo(1);
        assertThat(receipt.indexEntriesRemoved()).isEqualTo(1);
        assertThat(receipt.subjectRef()).isEqualTo(kit.subjectRef(anna));
        assertThat(receipt.toString()).doesNotContain("client-1001").doesNotContain("anna");
        assertThatThrownBy(() -> crypto.open(manager, ORDERS, email, backupOfEmail)).isInstanceOf(KeyDestroyedException.class);
        assertThat(crypto.open(manager, ORDERS, phone, backupOfPhone)).isEqualTo("[erased]");
        assertThat(crypto.find(manager, ORDERS, EMAIL_INDEX, "anna@example.org")).isEmpty();
        assertThat(AuditTrail.of(kit).records(1, 100)).extracting(r -> r.event().action().code()).contains("key.shredded");
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void shreddingOneGroupLeavesTheOthersReadable() {
        String contract = crypto.seal(manager, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");
        String marketing = crypto.seal(manager, ORDERS, NEWS_EMAIL.at("sub-1", anna), "anna@example.org");

        ErasureReceipt receipt = crypto.shred(anna, Set.of(KeyGroup.of("marketing")), Actor.operator("dpo"));

        assertThat(receipt.groups()).containsExactly(KeyGroup.of("marketing"));
        assertThat(crypto.open(manager, ORDERS, EMAIL.at("row-1", anna), contract)).isEqualTo("anna@example.org");
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        assertThatThrownBy(() -> crypto.open(manager, NEWSLETTER, NEWS_EMAIL.at("sub-1", anna), marketing))
                .isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void blindIndexesFindBySameNormalisedValueAndRefuseLeakySizes() {
        SubjectId boris = SubjectId.of("client-1002");
        crypto.index(manager, ORDERS, EMAIL_INDEX, anna, "anna@example.org");
        crypto.index(manager, ORDERS, EMAIL_INDEX, boris, "boris@example.org");
        crypto.index(manager, ORDERS, EMAIL_INDEX, anna, "anna.new@example.org");

        assertThat(crypto.find(manager, ORDERS, EMAIL_INDEX, "ANNA.NEW@example.org")).containsExactly(anna);
        assertThat(crypto.find(manager, ORDERS, EMAIL_INDEX, "anna@example.org")).doesNotContain(anna);
        assertThat(crypto.term(EMAIL_INDEX, "x@example.org")).doesNotContain("example");
        assertThatThrownBy(() -> BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 32, 10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use at most 12 bits");
        assertThat(BlindIndex.maxSafeBits(10_000)).isEqualTo(12);
    }

    @Test
    void aRotatedMasterKeyStillUnwrapsKeysWrappedBeforeIt() {
        String stored = crypto.seal(manager, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");
        FieldCrypto rotated = FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)).rotateTo(KekId.of("kek-2027"), filled(8)))
                .blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL).build();

        assertThat(rotated.open(manager, ORDERS, EMAIL.at("row-1", anna), stored)).isEqualTo("anna@example.org");
        FieldCrypto wrongMaster = FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(6)))
                .blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL).build();
        assertThatThrownBy(() -> wrongMaster.open(manager, ORDERS, EMAIL.at("row-1", anna), stored))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
    }

    @Test
    void theMasterKeyFromTheEnvironmentIsCheckedWithoutEchoingIt() {
        assertThatThrownBy(() -> KeyEncryptionKeyProvider.fromEnvironment("CK_TEST_SURELY_UNSET_VARIABLE"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not set");
        assertThatThrownBy(() -> LocalKeyEncryptionKeys.of(KekId.of("kek"), new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThat(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), filled(3)).toString()).doesNotContain("3,").contains("kek-1");
        assertThat(List.of(Normalizer.PHONE_E164.normalize("+7 (912) 345-67-89"))).containsExactly("+79123456789");
    }
}
