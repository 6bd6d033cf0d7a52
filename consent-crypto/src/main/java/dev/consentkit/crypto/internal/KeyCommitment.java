package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.Suite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key commitment for AEADs that lack it (GCM and Poly1305 are not key-committing: one ciphertext can be
 * made to open under two chosen keys). Each ciphertext carries
 * {@code HMAC-SHA256(commitKey, header || aad)[0..16]} with
 * {@code commitKey = HKDF-SHA256(ikm = DEK, salt = nonce, info = "ck/v1/commit" || suite code)}, and
 * opening checks it, in constant time, before the AEAD runs.
 *
 * <p>16 bytes is the ciphertext format's fixed size. Against someone who picks both keys it gives
 * about 64 bits (a birthday search), against a fixed victim key about 128.
 */
final class KeyCommitment {
    static final int BYTES = 16;
    private static final byte[] LABEL = "ck/v1/commit".getBytes(StandardCharsets.US_ASCII);

    private KeyCommitment() {
    }

    static byte[] compute(Suite suite, byte[] dek, byte[] nonce, byte[] header, byte[] aad) {
        byte[] info = Arrays.copyOf(LABEL, LABEL.length + 1);
        info[LABEL.length] = (byte) Suites.code(suite);
        byte[] commitKey = Hkdf.sha256(dek, nonce, info, 32);
        try {
            return HmacSha256.truncated(commitKey, BYTES, header, aad);
        } finally {
            Arrays.fill(commitKey, (byte) 0);
        }
    }

    static boolean matches(Suite suite, byte[] dek, byte[] nonce, byte[] header, byte[] aad, byte[] commitment) {
        return MessageDigest.isEqual(compute(suite, dek, nonce, header, aad), commitment);
    }
}
