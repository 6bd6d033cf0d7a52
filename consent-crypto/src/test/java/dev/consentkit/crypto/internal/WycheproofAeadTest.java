package dev.consentkit.crypto.internal;

import static dev.consentkit.crypto.internal.Wycheproof.hex;
import static dev.consentkit.crypto.internal.Wycheproof.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.internal.Wycheproof.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Every Wycheproof AEAD vector against the primitive field encryption runs at run time (DESIGN §3
 * "Conformance"). Vectors whose key, nonce or tag size our primitives fix otherwise must be refused, and
 * are counted apart: nothing is skipped.
 */
class WycheproofAeadTest {

    @FunctionalInterface
    private interface Aead {
        byte[] apply(byte[] key, byte[] nonce, byte[] aad, byte[] input);
    }

    @Test
    void aesGcmThroughTheJdk() {
        Wycheproof vectors = Wycheproof.load("aes_gcm_test.json");
        vectors.forEach((group, test) -> run(group, test, AesGcm::seal, AesGcm::open,
                AesGcm.KEY_BYTES, AesGcm.NONCE_BYTES, AesGcm.TAG_BYTES));
        vectors.assertTally(39, 27, 250);
    }

    @Test
    void xChaCha20Poly1305ThroughBouncyCastle() {
        Wycheproof vectors = Wycheproof.load("xchacha20_poly1305_test.json");
        vectors.forEach((group, test) -> run(group, test, XChaCha20Poly1305::seal, XChaCha20Poly1305::open,
                XChaCha20Poly1305.KEY_BYTES, XChaCha20Poly1305.NONCE_BYTES, XChaCha20Poly1305.TAG_BYTES));
        vectors.assertTally(246, 60, 9);
    }

    private static Outcome run(JsonNode group, JsonNode test, Aead seal, Aead open,
                               int keyBytes, int nonceBytes, int tagBytes) {
        byte[] key = hex(test, "key");
        byte[] nonce = hex(test, "iv");
        byte[] aad = hex(test, "aad");
        byte[] msg = hex(test, "msg");
        byte[] sealed = concat(hex(test, "ct"), hex(test, "tag"));

        if (key.length != keyBytes || nonce.length != nonceBytes) {
            assertThatThrownBy(() -> seal.apply(key, nonce, aad, msg)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> open.apply(key, nonce, aad, sealed)).isInstanceOf(IllegalArgumentException.class);
            return Outcome.REFUSED_BY_DESIGN;
        }
        if (group.get("tagSize").asInt() != tagBytes * 8) {
            // a shorter tag is read as part of a 16-byte one, which cannot verify
            assertThatThrownBy(() -> open.apply(key, nonce, aad, sealed)).isInstanceOf(DecryptionException.class);
            return Outcome.REFUSED_BY_DESIGN;
        }
        if (valid(test)) {
            assertThat(seal.apply(key, nonce, aad, msg)).as("sealed").isEqualTo(sealed);
            assertThat(open.apply(key, nonce, aad, sealed)).as("opened").isEqualTo(msg);
            return Outcome.PASSED_VALID;
        }
        assertThatThrownBy(() -> open.apply(key, nonce, aad, sealed))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed").hasNoCause();
        return Outcome.REJECTED_INVALID;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
