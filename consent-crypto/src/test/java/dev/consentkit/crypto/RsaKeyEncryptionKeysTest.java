package dev.consentkit.crypto;

import static dev.consentkit.core.testing.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.rights.RequestId;
import dev.consentkit.core.rights.RequestType;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.SealedValue;
import dev.consentkit.core.testing.Fixtures;
import dev.consentkit.core.testing.MutableClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
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
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", "contact", "contract");
    private static final KeyPair PAIR = generate(2048);
    private static final byte[] CONTEXT = "subject/group/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        ConsentKit kit = Fixtures.kit(storage.get(), clock);
        AccessPolicy policy = AccessPolicy.builder(kit.catalog())
                .grant("manager").purposes(ORDERS).categories("contact").actions(AccessAction.READ, AccessAction.WRITE)
                .grant("web-form").purposes(ORDERS).categories("contact").actions(AccessAction.WRITE).build();
        FieldCrypto form = FieldCrypto.builder(kit)
                .keyEncryptionKeys(RsaKeyEncryptionKeys.writeOnly("rsa-2026", (RSAPublicKey) PAIR.getPublic()))
                .accessPolicy(policy).blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL).build();
        FieldCrypto office = FieldCrypto.builder(kit)
                .keyEncryptionKeys(RsaKeyEncryptionKeys.of("rsa-2026", PAIR))
                .accessPolicy(policy).blindIndexKey(HmacKey.of(filled(9))).fields(EMAIL).build();
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
        kit.rights().verifyIdentity(access, Actor.operator("dpo"));
        assertThatThrownBy(() -> form.openForRequest(access, new SealedValue("client", "email", "row-1", one), Actor.operator("dpo")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> form.rewrapAll(10, p -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> form.resealIfOld(first, one)).isInstanceOf(IllegalStateException.class);

        // the back office seals under the same key while the front end's cache is warm...
        String fromOffice = office.seal(manager, ORDERS, third, "anna@home.example");
        // ...and after the front end's cache period it cannot unwrap that key, so it makes the next version
        clock.advance(FieldCrypto.Builder.DEFAULT_CACHE_TTL);
        String three = form.seal(signup, ORDERS, third, "anna@new.example");

        assertThat(office.open(manager, ORDERS, first, one)).isEqualTo("anna@example.org");
        assertThat(office.open(manager, ORDERS, second, two)).isEqualTo("anna@work.example");
        assertThat(office.open(manager, ORDERS, third, fromOffice)).isEqualTo("anna@home.example");
        assertThat(office.open(manager, ORDERS, third, three)).isEqualTo("anna@new.example");
        java.util.List<dev.consentkit.core.spi.WrappedKey> stored =
                kit.storage().read(tx -> tx.keys().forSubject(kit.subjectRef(anna)));
        assertThat(stored).extracting(dev.consentkit.core.spi.WrappedKey::version).containsExactly(1, 2);
        assertThat(kit.audit().records(1, 100)).extracting(r -> r.event().action())
                .filteredOn(a -> a.equals(FieldCrypto.KEY_CREATED)).hasSize(2);

        assertThat(office.shred(anna, Set.of(), Actor.operator("dpo")).keysDestroyed()).isEqualTo(2);
        assertThatThrownBy(() -> office.open(manager, ORDERS, third, three)).isInstanceOf(KeyDestroyedException.class);
        assertThat(form.toString()).contains("write-only").doesNotContain("Modulus");
        assertThat(office.describe().keyHierarchy()).endsWith("wrapped by a master key from RsaKeyEncryptionKeys");
    }

    @Test
    void aWrappedKeyOpensOnlyWithItsContextAndItsPair() {
        RsaKeyEncryptionKeys keys = RsaKeyEncryptionKeys.of("rsa-2026", PAIR);
        byte[] dek = filled(5);
        byte[] wrapped = keys.wrap(dek, CONTEXT);

        assertThat(wrapped).hasSize(256);
        assertThat(keys.canUnwrap()).isTrue();
        assertThat(keys.unwrap("rsa-2026", wrapped, CONTEXT)).isEqualTo(dek);
        assertThatThrownBy(() -> keys.unwrap("rsa-2026", wrapped, "subject/group/2".getBytes()))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        assertThatThrownBy(() -> keys.unwrap("rsa-2027", wrapped, CONTEXT)).isInstanceOf(DecryptionException.class);
        byte[] flipped = wrapped.clone();
        flipped[100] ^= 1;
        assertThatThrownBy(() -> keys.unwrap("rsa-2026", flipped, CONTEXT)).isInstanceOf(DecryptionException.class);
        RsaKeyEncryptionKeys writeOnly = RsaKeyEncryptionKeys.writeOnly("rsa-2026", (RSAPublicKey) PAIR.getPublic());
        assertThat(writeOnly.canUnwrap()).isFalse();
        assertThat(keys.unwrap("rsa-2026", writeOnly.wrap(dek, CONTEXT), CONTEXT)).isEqualTo(dek);
        assertThatThrownBy(() -> writeOnly.unwrap("rsa-2026", wrapped, CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("master key rsa-2026 is write-only here: no private key to unwrap with");
    }

    @Test
    void smallKeysMismatchedPairsAndOtherAlgorithmsAreRefused() throws Exception {
        KeyPair small = generate(1024);
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of("rsa-old", small))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("RSA key must have 2048 to 4096 bits, got 1024");
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of("rsa-mixed", new KeyPair(PAIR.getPublic(), generate(2048).getPrivate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the public and private keys of rsa-mixed do not belong together");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.of("ec-1", ec.generateKeyPair()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key pair ec-1 is not an RSA key pair");
        assertThatThrownBy(() -> RsaKeyEncryptionKeys.writeOnly("bad id!", (RSAPublicKey) PAIR.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Duration.ofMinutes(10)).isEqualTo(FieldCrypto.Builder.DEFAULT_CACHE_TTL);
    }
}
