package dev.consentkit.crypto.internal;

import static dev.consentkit.crypto.internal.Wycheproof.hex;
import static dev.consentkit.crypto.internal.Wycheproof.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.internal.Wycheproof.Outcome;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's RSA-OAEP-2048 (SHA-256, MGF1-SHA-256) decryption vectors, labels included, against
 * {@link RsaOaep}: every valid one opens to its message, every invalid one (bad padding, bad
 * ciphertext) fails with the one {@link DecryptionException}.
 */
class WycheproofRsaOaepTest {

    @Test
    void rsaOaepSha256ThroughTheJdk() {
        Wycheproof vectors = Wycheproof.load("rsa_oaep_2048_sha256_mgf1sha256_test.json");
        vectors.forEach((group, test) -> {
            RSAPrivateKey key = privateKey(group.get("privateKeyPkcs8").asText());
            byte[] ct = hex(test, "ct");
            byte[] label = hex(test, "label");
            if (valid(test)) {
                byte[] msg = hex(test, "msg");
                assertThat(RsaOaep.unwrap(key, ct, label)).isEqualTo(msg);
                RSAPublicKey pub = publicKey(key);
                assertThat(RsaOaep.unwrap(key, RsaOaep.wrap(pub, msg, label), label)).isEqualTo(msg);
                return Outcome.PASSED_VALID;
            }
            assertThatThrownBy(() -> RsaOaep.unwrap(key, ct, label))
                    .isInstanceOf(DecryptionException.class).hasMessage("decryption failed").hasNoCause();
            return Outcome.REJECTED_INVALID;
        });
        vectors.assertTally(18, 19, 0);
    }

    private static RSAPrivateKey privateKey(String pkcs8Hex) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(java.util.HexFormat.of().parseHex(pkcs8Hex)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey publicKey(RSAPrivateKey key) {
        try {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
