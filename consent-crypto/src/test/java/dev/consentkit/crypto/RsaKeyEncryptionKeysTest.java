package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
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
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An RSA key pair as master key: a write-only front end seals, only the back office opens (DESIGN §3). */
class RsaKeyEncryptionKeysTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final KeyPair PAIR = RsaPairs.CURRENT;
    private static final byte[] CONTEXT = "subject/group/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static KeyPair generate(int bits) {
        return RsaPairs.generate(bits);
    }

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aWriteOnlyFrontEndSealsButNeverOpensAndTheBackOfficeOpensEverything(String name, Supplier<ConsentStorage> storage) {
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE)
                .grant("web-form").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.WRITE).build();
        ConsentKit kit = Instances.kit(storage.get(), clock, policy);
        FieldCrypto form = FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), (RSAPublicKey) PAIR.getPublic()))
                .blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL).build();
        FieldCrypto office = FieldCrypto.builder(Instances.of(kit))
                .keyEncryptionKeys(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR))
                .blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL).build();
        SubjectId anna = SubjectId.of("client-1001");
        Principal manager = Principal.of("olga", "manager");
        Principal signup = Principal.of("signup-form", "web-form");
        FieldRef first = EMAIL.at("row-1", anna);
        FieldRef second = EMAIL.at("row-2", anna);
        FieldRef third = EMAIL.at("row-3", anna);

        String one = form.seal(signup, ORDERS, first, "anna@example.org");
        String two = form.seal(signup, ORDERS, second, "anna@work.example");
        assertThatThrownBy(() -> form.open(manager, ORDERS, first, one))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this FieldCrypto is write-only: its master key rsa-2026 cannot unwrap, so it seals but never opens");
        // the host knows its clients: its subject directory admits the request
        RequestId access = SubjectRights.builder(kit).directory(known -> true).build()
                .receive(anna, RequestType.ACCESS, Actor.operator("dpo")).id();
        SubjectRights.builder(kit).build().verifyIdentity(access, Actor.operator("dpo"));
        assertThatThrownBy(() -> form.openForRequest(access, new SealedValue("client", "email", "row-1", one), Actor.operator("dpo")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> form.rewrapAll(10, p -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> form.resealIfOld(first, one)).isInstanceOf(IllegalStateException.class);

        // the back office never seals under a key the front end made: it makes its own next version...
        String fromOffice = office.seal(manager, ORDERS, third, "anna@home.example");
        // ...and after the front end's cache period the front end, which cannot unwrap that one, makes the next
        clock.advance(FieldCrypto.Builder.DEFAULT_CACHE_TTL);
        String three = form.seal(signup, ORDERS, third, "anna@new.example");

        assertThat(office.open(manager, ORDERS, first, one)).isEqualTo("anna@example.org");
        assertThat(office.open(manager, ORDERS, second, two)).isEqualTo("anna@work.example");
        assertThat(office.open(manager, ORDERS, third, fromOffice)).isEqualTo("anna@home.example");
        assertThat(office.open(manager, ORDERS, third, three)).isEqualTo("anna@new.example");
        java.util.List<dev.consentkit.core.spi.protection.WrappedKey> stored =
                KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).forSubject(kit.subjectRef(anna)));
        assertThat(stored).extracting(dev.consentkit.core.spi.protection.WrappedKey::version).containsExactly(1, 2, 3);
        assertThat(stored).extracting(dev.consentkit.core.spi.protection.WrappedKey::hasAuthenticator)
                .as("only the back office's row is authenticated").containsExactly(false, true, false);
        assertThat(LegacyKeys.keyIdOf(fromOffice)).isEqualTo(stored.get(1).keyId());
        assertThat(AuditTrail.of(kit).records(1, 100)).extracting(r -> r.event().action())
                .filteredOn(a -> a.equals(FieldCrypto.KEY_CREATED)).hasSize(3);

        assertThat(office.shred(anna, Set.of(), Actor.operator("dpo")).keysDestroyed()).isEqualTo(3);
        assertThatThrownBy(() -> office.open(manager, ORDERS, third, three)).isInstanceOf(KeyDestroyedException.class);
        assertThat(form.toString()).contains("write-only").doesNotContain("Modulus");
        assertThat(office.describe().keyHierarchy()).endsWith("wrapped by a master key from RsaKeyEncryptionKeys");
    }

    @Test
    void aWrappedKeyOpensOnlyWithItsContextAndItsPair() {
        RsaKeyEncryptionKeys keys = RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR);
        byte[] dek = filled(5);
        byte[] wrapped = keys.wrap(dek, CONTEXT);

        assertThat(wrapped).hasSize(384);
        assertThat(keys.canUnwrap()).isTrue();
        assertThat(keys.unwrap(KekId.of("rsa-2026"), wrapped, CONTEXT)).isEqualTo(dek);
        assertThatThrownBy(() -> keys.unwrap(KekId.of("rsa-2026"), wrapped, "subject/group/2".getBytes()))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        assertThatThrownBy(() -> keys.unwrap(KekId.of("rsa-2027"), wrapped, CONTEXT)).isInstanceOf(DecryptionException.class);
        byte[] flipped = wrapped.clone();
        flipped[100] ^= 1;
        assertThatThrownBy(() -> keys.unwrap(KekId.of("rsa-2026"), flipped, CONTEXT)).isInstanceOf(DecryptionException.class);
        RsaKeyEncryptionKeys writeOnly = RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), (RSAPublicKey) PAIR.getPublic());
        assertThat(writeOnly.canUnwrap()).isFalse();
        assertThat(keys.unwrap(KekId.of("rsa-2026"), writeOnly.wrap(dek, CONTEXT), CONTEXT)).isEqualTo(dek);
        assertThatThrownBy(() -> writeOnly.unwrap(KekId.of("rsa-2026"), wrapped, CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("master key rsa-2026 is write-only here: no private key to unwrap with");
    }

    @Test
    void smallKeysMismatchedPairsAndOtherAlgorithmsAreRefused() throws Exception {
        KeyPair small = generate(1024);
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of(KekId.of("rsa-old"), small))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RSA key rsa-old must have 3072 to 4096 bits to wrap new data keys, got 1024");
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR).withRetired(KekId.of("rsa-old"), small))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("RSA key must have 2048 to 4096 bits, got 1024");
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of(KekId.of("rsa-mixed"), new KeyPair(PAIR.getPublic(), RsaPairs.NEXT.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the public and private keys of rsa-mixed do not belong together");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of(KekId.of("ec-1"), ec.generateKeyPair()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key pair ec-1 is not an RSA key pair");
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.writeOnly(KekId.of("bad id!"), (RSAPublicKey) PAIR.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Duration.ofMinutes(10)).isEqualTo(FieldCrypto.Builder.DEFAULT_CACHE_TTL);
    }

    /** Issue 12 finding 11: new pairs have at least 3072 bits; a 2048-bit pair only unwraps, as a retired pair. */
    @Test
    void newPairsHaveAtLeast3072BitsAndA2048BitPairOnlyUnwraps() {
        assertThat(((RSAPublicKey) RsaKeyEncryptionKeys.generateKeyPair().getPublic()).getModulus().bitLength())
                .isEqualTo(3072);
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.generateKeyPair(2048))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a new RSA key pair must have 3072 to 4096 bits, got 2048");
        KeyPair legacy = RsaPairs.LEGACY_2048;
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2025"), (RSAPublicKey) legacy.getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RSA key rsa-2025 must have 3072 to 4096 bits to wrap new data keys, got 2048; make a"
                        + " 3072-bit pair current and keep this one to unwrap (withRetired) until rewrapAll has moved"
                        + " its keys");
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of(KekId.of("rsa-2025"), legacy)).isInstanceOf(IllegalArgumentException.class);

        RsaKeyEncryptionKeys office = RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR).withRetired(KekId.of("rsa-2025"), legacy);
        byte[] wrappedIn2025 = dev.consentkit.crypto.internal.RsaOaep.wrap((RSAPublicKey) legacy.getPublic(), filled(3),
                CONTEXT);

        assertThat(office.unwrap(KekId.of("rsa-2025"), wrappedIn2025, CONTEXT)).isEqualTo(filled(3));
        assertThat(office.currentKekId()).isEqualTo(KekId.of("rsa-2026"));
        assertThat(office.describeMasterKeys()).extracting(k -> k.kekId() + "/" + k.bits() + "/" + k.current())
                .containsExactly("rsa-2026/3072/true", "rsa-2025/2048/false");
        assertThat(office.toString()).isEqualTo("RsaKeyEncryptionKeys[rsa-2026, retired [rsa-2025]]");
        assertThatThrownBy(() -> office.withRetired(KekId.of("rsa-2025"), legacy)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), (RSAPublicKey) PAIR.getPublic())
                .withRetired(KekId.of("rsa-2025"), legacy)).isInstanceOf(IllegalStateException.class);
    }

    /** The secret that authenticates key rows: the same on every back office with the pair, none on a front end. */
    @Test
    void rowsAreAuthenticatedUnderASecretOnlyTheHoldersOfThePrivateKeyShare() {
        byte[] row = "a row".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RsaKeyEncryptionKeys office = RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR);
        RsaKeyEncryptionKeys otherOffice = RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR);
        RsaKeyEncryptionKeys form = RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), (RSAPublicKey) PAIR.getPublic());
        RsaKeyEncryptionKeys explicit = RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), PAIR, HmacKey.of(filled(4)));

        assertThat(office.authenticateKeyRow(KekId.of("rsa-2026"), row)).get().satisfies(tag -> {
            assertThat(tag).hasSize(32);
            assertThat(otherOffice.authenticateKeyRow(KekId.of("rsa-2026"), row)).contains(tag);
            assertThat(explicit.authenticateKeyRow(KekId.of("rsa-2026"), row)).get().isNotEqualTo(tag);
        });
        assertThat(form.authenticateKeyRow(KekId.of("rsa-2026"), row)).isEmpty();
        assertThat(office.authenticateKeyRow(KekId.of("rsa-2027"), row)).isEmpty();
    }
}
