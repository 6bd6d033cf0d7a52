package dev.consentkit.crypto;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KekId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.compliance.Finding;
import dev.consentkit.core.compliance.Severity;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.crypto.internal.RsaOaep;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 finding 11, M19 and R-GDPR-4/R-GDPR-20: the wrap context binds the key id and the KEK id
 * (format 2) while keys of format 1 still unwrap; RSA key pairs are rewrapped from one pair to another,
 * a 2048-bit pair only unwraps and the compliance report warns while keys remain under it; the wraps per
 * master key are counted against its random-nonce bound in the standard check {@code key.master}.
 */
class MasterKeysTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final Principal MANAGER = Principal.of("olga", "manager");

    private MutableClock clock;
    private ConsentKit kit;
    private AccessPolicy policy;
    private final SubjectId anna = SubjectId.of("client-1001");

    private void start(Supplier<ConsentStorage> storage) {
        clock = MutableClock.at("2026-03-02T10:00:00Z");
        policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
        kit = Instances.kit(storage.get(), clock, policy);
    }

    private FieldCrypto crypto(KeyEncryptionKeyProvider keks) {
        return FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(keks)
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL).build();
    }

    private List<WrappedKey> rows() {
        KeyedHash ref = kit.subjectRef(anna);
        return KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(ref));
    }

    @Test
    void theWrapContextBindsTheKeyIdAndTheKekIdAndFormat1StillUnwraps() {
        LocalKeyEncryptionKeys keks = LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), LegacyKeys.chosen(7)).rotateTo(KekId.of("kek-2027"),
                LegacyKeys.chosen(8));
        KeyedHash ref = new KeyedHash("a".repeat(43));
        byte[] dek = LegacyKeys.chosen(5);
        byte[] wrapped = keks.wrap(dek, KeyRows.contextV2(ref, "contract", 1, 42, "kek-2027"));

        assertThat(keks.unwrap(KekId.of("kek-2027"), wrapped, KeyRows.contextV2(ref, "contract", 1, 42, "kek-2027"))).isEqualTo(dek);
        for (byte[] other : List.of(KeyRows.contextV2(ref, "contract", 1, 43, "kek-2027"),
                KeyRows.contextV2(ref, "contract", 1, 42, "kek-2026"),
                KeyRows.contextV2(ref, "contract", 2, 42, "kek-2027"),
                KeyRows.contextV1(ref, "contract", 1))) {
            assertThatThrownBy(() -> keks.unwrap(KekId.of("kek-2027"), wrapped, other)).isInstanceOf(DecryptionException.class);
        }
        byte[] v1 = keks.wrap(dek, KeyRows.contextV1(ref, "contract", 1));
        WrappedKey legacy = new WrappedKey(ref, KeyGroup.of("contract"), 1, 42, KekId.of("kek-2027"), v1,
                java.time.Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(keks.unwrap(KekId.of("kek-2027"), v1, KeyRows.wrapContext(legacy))).isEqualTo(dek);
        assertThatThrownBy(() -> KeyRows.wrapContext(legacy.rewrapped(KekId.of("kek-2027"), v1, 3, new byte[0])))
                .isInstanceOf(DecryptionException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void dataKeysAreRewrappedFromOneRsaPairToAnotherAndStayTheBackOfficesOwn(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        FieldCrypto before = crypto(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), RsaPairs.CURRENT));
        FieldRef cell = EMAIL.at("row-1", anna);
        String sealed = before.seal(MANAGER, ORDERS, cell, "anna@example.org");
        FieldCrypto during = crypto(RsaKeyEncryptionKeys.of(KekId.of("rsa-2027"), RsaPairs.NEXT).withRetired(KekId.of("rsa-2026"), RsaPairs.CURRENT));

        RotationReport report = during.rewrapAll(10, r -> { });

        assertThat(report.rewrapped()).isEqualTo(1);
        assertThat(rows()).singleElement().satisfies(k -> {
            assertThat(k.kekId()).isEqualTo(KekId.of("rsa-2027"));
            assertThat(k.format()).isEqualTo(WrappedKey.FORMAT_V2);
            assertThat(k.hasAuthenticator()).isTrue();
        });
        FieldCrypto after = crypto(RsaKeyEncryptionKeys.of(KekId.of("rsa-2027"), RsaPairs.NEXT));
        assertThat(after.open(MANAGER, ORDERS, cell, sealed)).isEqualTo("anna@example.org");
        String next = after.seal(MANAGER, ORDERS, EMAIL.at("row-2", anna), "anna@new.example");
        assertThat(LegacyKeys.keyIdOf(next)).as("still the back office's own key").isEqualTo(LegacyKeys.keyIdOf(sealed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void keysUnderA2048BitPairUnwrapWithAWarningUntilRewrapped(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        RSAPublicKey legacyPublic = (RSAPublicKey) RsaPairs.LEGACY_2048.getPublic();
        KeyEncryptionKeyProvider before3072 = new KeyEncryptionKeyProvider() {
            @Override
            public KekId currentKekId() {
                return KekId.of("rsa-2025");
            }

            @Override
            public byte[] wrap(byte[] dataKey, byte[] context) {
                return RsaOaep.wrap(legacyPublic, dataKey, context);
            }

            @Override
            public byte[] unwrap(KekId kekId, byte[] wrapped, byte[] context) {
                throw new UnsupportedOperationException("wraps only");
            }
        };
        FieldRef cell = EMAIL.at("row-1", anna);
        String old = LegacyKeys.v3Row(kit, before3072, EMAIL, anna, 1, 2025, LegacyKeys.chosen(0x25))
                .seal(kit, cell, "anna@example.org");
        FieldCrypto office = crypto(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), RsaPairs.CURRENT)
                .withRetired(KekId.of("rsa-2025"), RsaPairs.LEGACY_2048));

        assertThat(office.open(MANAGER, ORDERS, cell, old)).isEqualTo("anna@example.org");
        List<Finding> warned = Compliance.builder(kit).build().report().findingsOf("key.master");
        assertThat(warned).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.target()).isEqualTo("master key rsa-2025");
            assertThat(f.problem()).contains("1 data keys", "2048 bits");
        });

        office.rewrapAll(10, r -> { });

        assertThat(Compliance.builder(kit).build().report().findingsOf("key.master")).isEmpty();
        assertThat(rows()).singleElement().satisfies(k -> {
            assertThat(k.kekId()).isEqualTo(KekId.of("rsa-2026"));
            assertThat(k.hasAuthenticator()).as("a v3 row is not made the back office's own by a rewrap").isFalse();
        });
        assertThat(crypto(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), RsaPairs.CURRENT)).open(MANAGER, ORDERS, cell, old))
                .isEqualTo("anna@example.org");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void theProfileDescribesEachMasterKeyAndItsWrapsAreCounted(String name, Supplier<ConsentStorage> storage) {
        start(storage);
        FieldCrypto crypto = crypto(LocalKeyEncryptionKeys.of(KekId.of("kek-2026"), LegacyKeys.chosen(7)).rotateTo(KekId.of("kek-2027"),
                LegacyKeys.chosen(8)));
        crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", anna), "anna@example.org");
        crypto.shred(anna, java.util.Set.of(), dev.consentkit.core.Actor.operator("dpo"));
        crypto.seal(MANAGER, ORDERS, EMAIL.at("row-1", SubjectId.of("client-1002")), "boris@example.org");

        ProtectionProfile profile = crypto.describe();

        assertThat(profile.masterKeys()).containsExactly(
                new ProtectionProfile.MasterKey(KekId.of("kek-2027"), "AES-256-GCM", 256, 256, OptionalLong.of(1L << 32), true),
                new ProtectionProfile.MasterKey(KekId.of("kek-2026"), "AES-256-GCM", 256, 256, OptionalLong.of(1L << 32), false));
        assertThat(KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).usageByKek()).get(KekId.of("kek-2027")))
                .isEqualTo(new dev.consentkit.core.spi.protection.KekUsage(1, 1));
        assertThat(Compliance.builder(kit).build().report().findingsOf("key.master")).isEmpty();
        assertThat(Compliance.builder(kit).build().report().checks()).contains("key.master");
    }
}
