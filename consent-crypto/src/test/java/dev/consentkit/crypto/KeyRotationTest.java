package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KekId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.crypto.internal.FieldCiphertext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Master-key rotation (rewrap only, batched, resumable) and data-key rotation (lazy re-encryption). */
class KeyRotationTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final CollidingKeyStorage storage = new CollidingKeyStorage(InMemoryStorage.create());
    private final AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
            .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
    private final ConsentKit kit = Instances.kit(storage, clock, policy);
    private final LocalKeyEncryptionKeys kek2026 = LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), filled(7));
    private final LocalKeyEncryptionKeys kek2026And2027 = kek2026.rotateTo(KekId.of("kek-2027"), filled(8));
    private final Principal manager = Principal.of("olga", "manager");
    private final SubjectId anna = SubjectId.of("client-1001");

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    private FieldCrypto crypto(KeyEncryptionKeyProvider keks) {
        return FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(keks).blindIndexKey(HmacKey.of(filled(9)))
                .fields(EMAIL, NEWS_EMAIL).build();
    }

    /** Seals one e-mail for each of {@code subjects} clients, in the contract and marketing groups: 2 keys each. */
    private Map<FieldRef, String> sealed(FieldCrypto crypto, int subjects) {
        Map<FieldRef, String> values = new LinkedHashMap<>();
        for (int i = 0; i < subjects; i++) {
            SubjectId subject = SubjectId.of("client-" + (2000 + i));
            FieldRef contract = EMAIL.at("row-" + i, subject);
            FieldRef marketing = NEWS_EMAIL.at("sub-" + i, subject);
            values.put(contract, crypto.seal(manager, ORDERS, contract, "client" + i + "@example.org"));
            values.put(marketing, crypto.seal(manager, ORDERS, marketing, "client" + i + "@example.org"));
        }
        return values;
    }

    private long keysUnder(String kekId) {
        return KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).wrappedUnderOtherThan(KekId.of("none"), 10_000)).stream()
                .filter(k -> k.kekId().value().equals(kekId)).count();
    }

    private List<String> auditCodes() {
        return AuditTrail.of(kit).records(1, 10_000).stream().map(r -> r.event().action().code()).toList();
    }

    @Test
    void masterRotationRewrapsEveryKeyInBatchesAndTheNewMasterKeyAloneOpensEverything() {
        Map<FieldRef, String> values = sealed(crypto(kek2026), 12);
        List<RotationReport> progress = new ArrayList<>();

        RotationReport report = crypto(kek2026And2027).rewrapAll(10, progress::add);

        assertThat(report).isEqualTo(new RotationReport(KekId.of("kek-2027"), 3, 24, 0));
        assertThat(progress).extracting(RotationReport::rewrapped).containsExactly(10L, 20L, 24L);
        assertThat(keysUnder("kek-2026")).isZero();
        assertThat(keysUnder("kek-2027")).isEqualTo(24);
        FieldCrypto onlyNew = crypto(LocalKeyEncryptionKeys.of(KekId.of("kek-2027"), filled(8)));
        List<FieldRef> contractEmails = values.keySet().stream()
                .filter(ref -> ref.table().equals(EMAIL.table()) && ref.column().equals(EMAIL.column())).toList();
        assertThat(contractEmails).as("the contract e-mails sealed under kek-2026").isNotEmpty();
        contractEmails.forEach(ref ->
                assertThat(onlyNew.open(manager, ORDERS, ref, values.get(ref))).endsWith("@example.org"));
        assertThat(auditCodes()).filteredOn("key.rewrapped"::equals).hasSize(3);
        AuditRecord last = AuditTrail.of(kit).records(1, 10_000).stream()
                .filter(r -> r.event().action().equals(FieldCrypto.KEYS_REWRAPPED)).reduce((a, b) -> b).orElseThrow();
        assertThat(last.event().reference()).contains("4 of 4 to kek-2027");
        assertThat(last.event().actor()).isEqualTo(Actor.system("field-crypto"));
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(crypto(kek2026And2027).rewrapAll(10, progress::add)).isEqualTo(new RotationReport(KekId.of("kek-2027"), 0, 0, 0));
    }

    @Test
    void anInterruptedRotationLosesNothingAndFinishesWhenRunAgain() {
        Map<FieldRef, String> values = sealed(crypto(kek2026), 5);
        FieldCrypto rotating = crypto(kek2026And2027);

        assertThatThrownBy(() -> rotating.rewrapAll(3, p -> {
            throw new IllegalStateException("operator pressed stop");
        })).hasMessage("operator pressed stop");
        assertThat(keysUnder("kek-2027")).isEqualTo(3);
        assertThat(keysUnder("kek-2026")).isEqualTo(7);
        FieldRef first = values.keySet().iterator().next();
        assertThat(rotating.open(manager, ORDERS, first, values.get(first))).isEqualTo("client0@example.org");

        RotationReport rest = rotating.rewrapAll(3, p -> { });

        assertThat(rest.rewrapped()).isEqualTo(7);
        assertThat(keysUnder("kek-2026")).isZero();
        assertThat(crypto(LocalKeyEncryptionKeys.of(KekId.of("kek-2027"), filled(8))).open(manager, ORDERS, first, values.get(first)))
                .isEqualTo("client0@example.org");
    }

    @Test
    void keysShreddedWhileTheirBatchIsUnderWayAreSkipped() {
        sealed(crypto(kek2026), 3);
        FieldCrypto[] shredder = new FieldCrypto[1];
        KeyEncryptionKeyProvider shreddingMidway = new KeyEncryptionKeyProvider() {
            private boolean shredded;

            @Override
            public KekId currentKekId() {
                return kek2026And2027.currentKekId();
            }

            @Override
            public byte[] wrap(byte[] dataKey, byte[] context) {
                if (!shredded) {
                    shredded = true;
                    shredder[0].shred(SubjectId.of("client-2001"), Set.of(), Actor.operator("dpo"));
                }
                return kek2026And2027.wrap(dataKey, context);
            }

            @Override
            public byte[] unwrap(KekId kekId, byte[] wrapped, byte[] context) {
                return kek2026And2027.unwrap(kekId, wrapped, context);
            }
        };
        FieldCrypto rotating = crypto(shreddingMidway);
        shredder[0] = rotating;

        RotationReport report = rotating.rewrapAll(100, p -> { });

        assertThat(report).isEqualTo(new RotationReport(KekId.of("kek-2027"), 1, 4, 2));
        assertThat(keysUnder("kek-2026")).isZero();
    }

    @Test
    void aMasterKeyMissingFromTheProviderStopsTheRotationWithoutHarm() {
        Map<FieldRef, String> values = sealed(crypto(kek2026), 2);
        FieldCrypto lacksTheOldKey = crypto(LocalKeyEncryptionKeys.of(KekId.of("kek-2027"), filled(8)));

        assertThatThrownBy(() -> lacksTheOldKey.rewrapAll(10, p -> { })).isInstanceOf(DecryptionException.class);
        assertThat(keysUnder("kek-2026")).isEqualTo(4);
        assertThatThrownBy(() -> lacksTheOldKey.rewrapAll(0, p -> { })).isInstanceOf(IllegalArgumentException.class);
        FieldRef first = values.keySet().iterator().next();
        assertThat(crypto(kek2026).open(manager, ORDERS, first, values.get(first))).isEqualTo("client0@example.org");
    }

    @Test
    void aRotatedDataKeySealsNewValuesWhileOldOnesStillOpenAndAreResealedLazily() {
        FieldCrypto crypto = crypto(kek2026);
        FieldRef email = EMAIL.at("row-1", anna);
        String before = crypto.seal(manager, ORDERS, email, "anna@example.org");

        crypto.rotateDataKey(anna, KeyGroup.of("contract"));
        String after = crypto.seal(manager, ORDERS, email, "anna@example.org");

        int oldKeyId = FieldCiphertext.parseText(before).keyId();
        int newKeyId = FieldCiphertext.parseText(after).keyId();
        assertThat(newKeyId).isNotEqualTo(oldKeyId);
        assertThat(crypto.open(manager, ORDERS, email, before)).isEqualTo("anna@example.org");
        assertThat(crypto.open(manager, ORDERS, email, after)).isEqualTo("anna@example.org");
        assertThat(crypto(kek2026).seal(manager, ORDERS, email, "x@example.org")).satisfies(
                s -> assertThat(FieldCiphertext.parseText(s).keyId()).isEqualTo(newKeyId));

        String resealed = crypto.resealIfOld(email, before).orElseThrow();

        assertThat(FieldCiphertext.parseText(resealed).keyId()).isEqualTo(newKeyId);
        assertThat(crypto.open(manager, ORDERS, email, resealed)).isEqualTo("anna@example.org");
        assertThat(crypto.resealIfOld(email, after)).isEmpty();
        assertThat(crypto.resealIfOld(email, resealed)).isEmpty();
        assertThatThrownBy(() -> crypto.open(manager, ORDERS, EMAIL.at("row-2", anna), resealed))
                .isInstanceOf(DecryptionException.class);
        List<WrappedKey> annasKeys = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(kit.subjectRef(anna)));
        assertThat(annasKeys)
                .extracting(WrappedKey::version).containsExactly(1, 2);
        assertThat(auditCodes()).containsSubsequence("key.created", "key.rotated", "field.resealed");
        AuditRecord resealedRecord = AuditTrail.of(kit).records(1, 10_000).stream()
                .filter(r -> r.event().action().equals(FieldCrypto.FIELD_RESEALED)).findFirst().orElseThrow();
        assertThat(resealedRecord.event().actor()).isEqualTo(Actor.system("field-crypto"));
        assertThat(resealedRecord.event().reference()).contains("client.email");
        assertThat(resealedRecord.toString()).doesNotContain("anna").doesNotContain("client-1001");
    }

    @Test
    void aChangedSuiteIsAlsoResealedAndAShreddedValueHasNothingToReseal() {
        FieldRef email = EMAIL.at("row-1", anna);
        String aes = crypto(kek2026).seal(manager, ORDERS, email, "anna@example.org");
        FieldCrypto xchacha = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(kek2026)
                .blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL, NEWS_EMAIL).suite(Suite.XCHACHA20_POLY1305).build();

        String moved = xchacha.resealIfOld(email, aes).orElseThrow();

        assertThat(FieldCiphertext.parseText(moved).suite()).isEqualTo(Suite.XCHACHA20_POLY1305);
        assertThat(xchacha.open(manager, ORDERS, email, moved)).isEqualTo("anna@example.org");
        xchacha.shred(anna, Set.of(), Actor.operator("dpo"));
        assertThatThrownBy(() -> xchacha.resealIfOld(email, moved)).isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void makingAKeyRetriesWhenItsRandomIdCollidesOrAConcurrentWriterWon() {
        FieldCrypto crypto = crypto(kek2026);
        FieldRef email = EMAIL.at("row-1", anna);
        storage.collide(2);

        String stored = crypto.seal(manager, ORDERS, email, "anna@example.org");
        storage.collide(3);
        crypto.rotateDataKey(anna, KeyGroup.of("contract"));

        assertThat(storage.collisions()).isEqualTo(5);
        assertThat(crypto.open(manager, ORDERS, email, stored)).isEqualTo("anna@example.org");
        assertThat(auditCodes()).containsExactly("key.created", "key.rotated", "field.opened");
        storage.collide(100);
        assertThatThrownBy(() -> crypto.rotateDataKey(anna, KeyGroup.of("contract"))).isInstanceOf(ConcurrentUpdateException.class);
        List<WrappedKey> annasKeys = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(kit.subjectRef(anna)));
        assertThat(annasKeys).hasSize(2);
    }
}
