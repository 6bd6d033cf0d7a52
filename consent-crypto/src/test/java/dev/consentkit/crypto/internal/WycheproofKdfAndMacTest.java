package dev.consentkit.crypto.internal;

import static dev.consentkit.crypto.internal.Wycheproof.hex;
import static dev.consentkit.crypto.internal.Wycheproof.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.internal.Wycheproof.Outcome;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Wycheproof's HKDF-SHA256 and HMAC-SHA256 vectors against {@link Hkdf} and {@link HmacSha256}. */
class WycheproofKdfAndMacTest {

    @Test
    void hkdfSha256ThroughBouncyCastle() {
        Wycheproof vectors = Wycheproof.load("hkdf_sha256_test.json");
        vectors.forEach((group, test) -> {
            byte[] ikm = hex(test, "ikm");
            byte[] salt = hex(test, "salt");
            byte[] info = hex(test, "info");
            int size = test.get("size").asInt();
            if (valid(test)) {
                assertThat(Hkdf.sha256(ikm, salt, info, size)).isEqualTo(hex(test, "okm"));
                return Outcome.PASSED_VALID;
            }
            // the only invalid HKDF vectors ask for more than 255 blocks
            assertThatThrownBy(() -> Hkdf.sha256(ikm, salt, info, size)).isInstanceOf(IllegalArgumentException.class);
            return Outcome.REJECTED_INVALID;
        });
        vectors.assertTally(83, 3, 0);
    }

    @Test
    void hmacSha256ThroughTheJdk() {
        Wycheproof vectors = Wycheproof.load("hmac_sha256_test.json");
        vectors.forEach((group, test) -> {
            byte[] key = hex(test, "key");
            byte[] msg = hex(test, "msg");
            byte[] tag = hex(test, "tag");
            int tagBytes = group.get("tagSize").asInt() / 8;
            if (key.length < HmacSha256.MIN_KEY_BYTES) {
                assertThatThrownBy(() -> HmacSha256.truncated(key, tagBytes, msg))
                        .isInstanceOf(IllegalArgumentException.class);
                return Outcome.REFUSED_BY_DESIGN;
            }
            boolean matches = MessageDigest.isEqual(HmacSha256.truncated(key, tagBytes, msg), tag);
            if (tagBytes == HmacSha256.MAC_BYTES) {
                assertThat(MessageDigest.isEqual(HmacSha256.mac(key, msg), tag)).isEqualTo(matches);
            }
            assertThat(matches).as("tag matches").isEqualTo(valid(test));
            return valid(test) ? Outcome.PASSED_VALID : Outcome.REJECTED_INVALID;
        });
        vectors.assertTally(60, 108, 6);
    }
}
