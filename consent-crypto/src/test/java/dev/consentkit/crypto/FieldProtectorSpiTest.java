package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FieldCrypto as core's {@link FieldProtector}, the way the subject-request and retention paths use it
 * (only through the interface): {@code openForRequest} for an access or portability export (M19),
 * {@code shred(subject, groups, actor)} for erasure and withdrawal (M20), {@code describe()} for the
 * register. On the in-memory and H2 key stores.
 */
class FieldProtectorSpiTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"))
            .replacedBy("[erased]");
    private static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    private static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);
    private static final Actor DPO = Actor.operator("dpo");

    private static final Principal MANAGER = Principal.of("olga", "manager");

    private final SubjectId anna = SubjectId.of("client-1001");
    private ConsentKit kit;
    private FieldCrypto crypto;
    private FieldProtector protector;

    private void start(Supplier<ConsentStorage> storage) {
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact"))
                .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH).build();
        kit = Instances.kit(storage.get(), MutableClock.at("2026-03-02T10:00:00Z"), policy);
        crypto = FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
                .blindIndexKey(HmacKey.of(filled(9)))
                .fields(EMAIL, PHONE, NEWS_EMAIL)
                .blindIndex(EMAIL_INDEX)
                .build();
        protector = crypto;
    }

    /** An access request of the subject whose identity the DPO verified: what lets an export open values. */
    private RequestId verifiedAccess(SubjectId subject) {
        // the host knows its clients: its subject directory admits the request
        RequestId id = SubjectRights.builder(kit).directory(known -> true).build()
                .receive(subject, RequestType.ACCESS, DPO).id();
        SubjectRights.builder(kit).build().verifyIdentity(id, DPO);
        return id;
    }

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    private List<AuditRecord> audit() {
        return AuditTrail.of(kit).records(1, 1000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void openForRequestOpensADeclaredFieldOfTheRequestsSubjectWithoutARoleAndAuditsIt_M19(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String stored = crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");

        RequestId request = verifiedAccess(anna);

        Optional<String> opened = protector.openForRequest(request, new SealedValue("client", "email", "row-1", stored), DPO);

        assertThat(opened).contains("anna@example.org");
        AuditRecord last = audit().get(audit().size() - 1);
        assertThat(last.event().action()).isEqualTo(FieldCrypto.FIELD_OPENED);
        assertThat(last.event().actor()).isEqualTo(DPO);
        assertThat(last.event().outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(last.event().subjectRef()).contains(kit.subjectRef(anna));
        assertThat(last.event().reference()).hasValueSatisfying(r -> assertThat(r).isEqualTo("request " + request + " client.email")
                .doesNotContain("anna").doesNotContain("client-1001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void openForRequestRefusesAnUndeclaredCellAndAValueOfAnotherCellOrSubject(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String stored = crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");

        RequestId annas = verifiedAccess(anna);

        assertThatThrownBy(() -> protector.openForRequest(annas, new SealedValue("client", "notes", "row-1", stored), DPO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no protected field is declared for client.notes: declare it with FieldCrypto.builder(kit).fields(...)");
        assertThatThrownBy(() -> protector.openForRequest(annas, new SealedValue("client", "email", "row-2", stored), DPO))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        SubjectId boris = SubjectId.of("client-1002");
        crypto.seal(MANAGER, ORDERS, EMAIL.at("row-9", boris), "boris@example.org");
        // Boris holds no key with the id Anna's value names, and none was shredded: it is not his value
        // (issue 13 item 6: a missing key reads as erased only if it was shredded)
        assertThatThrownBy(() -> protector.openForRequest(verifiedAccess(boris),
                new SealedValue("client", "email", "row-1", stored), DPO))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void afterAShredOpenForRequestGivesTheReplacementOrNothingAndAuditsTheFailure(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String email = crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");
        String phone = crypto.seal(MANAGER, ORDERS, PHONE.at("row-1", anna), "+79123456789");

        protector.shred(anna, Set.of(), DPO);
        RequestId request = verifiedAccess(anna);

        assertThat(protector.openForRequest(request, new SealedValue("client", "email", "row-1", email), DPO)).isEmpty();
        assertThat(protector.openForRequest(request, new SealedValue("client", "phone", "row-1", phone), DPO))
                .contains("[erased]");
        assertThat(audit()).filteredOn(r -> r.event().action().equals(FieldCrypto.FIELD_OPENED))
                .extracting(r -> r.event().outcome()).containsExactly(AuditOutcome.FAILED, AuditOutcome.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void shreddingNamedGroupsDestroysOnlyThemAndKeepsTheBlindIndex_M20(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String contract = crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");
        String marketing = crypto.seal(MANAGER, ORDERS, NEWS_EMAIL.at("sub-1", anna), "anna@example.org");
        crypto.index(MANAGER, ORDERS, EMAIL_INDEX, anna, "anna@example.org");

        ErasureReceipt receipt = protector.shred(anna, Set.of(KeyGroup.of("marketing")), DPO);
        RequestId request = verifiedAccess(anna);

        assertThat(receipt.groups()).containsExactly(KeyGroup.of("marketing"));
        assertThat(receipt.keysDestroyed()).isEqualTo(1);
        assertThat(receipt.indexEntriesRemoved()).isZero();
        assertThat(protector.openForRequest(request, new SealedValue("client", "email", "row-1", contract), DPO))
                .contains("anna@example.org");
        assertThat(protector.openForRequest(request, new SealedValue("newsletter_sub", "email", "sub-1", marketing), DPO))
                .isEmpty();
        assertThat(crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "anna@example.org")).containsExactly(anna);
        assertThat(audit()).filteredOn(r -> r.event().action().equals(FieldCrypto.KEYS_SHREDDED))
                .singleElement().satisfies(r -> {
                    assertThat(r.event().reference()).contains("marketing");
                    assertThat(r.event().actor()).isEqualTo(DPO);
                    assertThat(r.entryId()).isEqualTo(receipt.auditEntry());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void shreddingNoGroupsMeansEveryGroupAndTheIndexesAndAgainDestroysNothing_M20(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        String contract = crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");
        crypto.seal(MANAGER, ORDERS, NEWS_EMAIL.at("sub-1", anna), "anna@example.org");
        crypto.index(MANAGER, ORDERS, EMAIL_INDEX, anna, "anna@example.org");
        assertThat(crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", anna), contract)).isEqualTo("anna@example.org");

        ErasureReceipt receipt = protector.shred(anna, Set.of(), DPO);
        ErasureReceipt again = protector.shred(anna, Set.of(), DPO);

        assertThat(receipt.groups()).isEmpty();
        assertThat(receipt.keysDestroyed()).isEqualTo(2);
        assertThat(receipt.indexEntriesRemoved()).isEqualTo(1);
        assertThat(receipt.toString()).doesNotContain("client-1001").doesNotContain("anna");
        assertThat(again.keysDestroyed()).isZero();
        assertThat(again.indexEntriesRemoved()).isZero();
        assertThatThrownBy(() -> crypto.open(MANAGER, ORDERS, EMAIL.at("row-1", anna), contract))
                .as("the cached key went at once").isInstanceOf(KeyDestroyedException.class);
        assertThat(crypto.find(MANAGER, ORDERS, EMAIL_INDEX, "anna@example.org")).isEmpty();
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void describeListsTheSuiteTheKeysAndEveryDeclaredFieldWithoutKeyMaterial(String name, Supplier<ConsentStorage> storage) {
        start(storage);

        ProtectionProfile profile = protector.describe();

        assertThat(profile.suite()).isEqualTo("AES-256-GCM");
        assertThat(profile.keyHierarchy()).contains("per subject and group").contains("LocalKeyEncryptionKeys")
                .doesNotContain("0707").doesNotContain("BwcH");
        assertThat(profile.fields()).containsExactlyInAnyOrder(
                new ProtectionProfile.Field("client", "email", CategoryId.of("contact"), KeyGroup.of("contract")),
                new ProtectionProfile.Field("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract")),
                new ProtectionProfile.Field("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing")));
        FieldCrypto xchacha = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7)))
                .blindIndexKey(HmacKey.of(filled(9)))
                .suite(Suite.XCHACHA20_POLY1305).build();
        assertThat(xchacha.describe().suite()).isEqualTo("XChaCha20-Poly1305");
        assertThat(xchacha.describe().fields()).isEmpty();
    }
}
