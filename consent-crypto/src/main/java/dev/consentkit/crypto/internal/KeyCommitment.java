package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.Suite;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Key commitment for AEADs that lack it (GCM and Poly1305 are not key-committing: one ciphertext can be
 * made to open under two chosen keys), and the key separation that goes with it. From a data key
 * {@code DEK} and a suite code {@code s} (one byte), with HKDF-SHA256 (RFC 5869, no salt):
 *
 * <pre>
 * encryption key  = HKDF(ikm = DEK, info = "ck/v1/enc"    || s, 32 bytes)   the AEAD's key
 * commitment      = HKDF(ikm = DEK, info = "ck/v1/commit" || s, 16 bytes)   stored in every ciphertext
 * </pre>
 *
 * <p>Both depend on the data key and suite only, so they are derived once per key and suite and kept
 * with the {@link DataKey}; sealing and opening a value cost no hashing at all. Opening compares the
 * stored commitment with the key's, in constant time, before the AEAD runs: a ciphertext opens only
 * under a key whose commitment it carries, and two keys with one commitment take about 2^64 HKDF
 * evaluations to find when one picks both (a birthday search over 128 bits), about 2^128 against a
 * fixed victim key. The AEAD never sees the data key itself, only its derived encryption key, so the
 * data key is not used by two algorithms.
 *
 * <p>This commits to the key (CMT-1), not to the nonce and associated data: those are authenticated by
 * the AEAD under the committed key, which only its holder could forge. The earlier, per-value
 * construction ({@code HMAC(HKDF(DEK, salt = nonce), header || aad)}) also committed to them but
 * cost an HKDF and an HMAC per seal and per open, most of a small field's cost; see docs/design.md.
 */
final class KeyCommitment {
    static final int BYTES = 16;
    private static final byte[] ENCRYPTION = "ck/v1/enc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMITMENT = "ck/v1/commit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_SALT = new byte[0];

    private KeyCommitment() {
    }

    /** @return the 32-byte key the suite's AEAD uses under {@code dek} */
    static byte[] encryptionKey(Suite suite, byte[] dek) {
        return Hkdf.sha256(dek, NO_SALT, info(ENCRYPTION, suite), 32);
    }

    /** @return the 16-byte commitment to {@code dek} for the suite */
    static byte[] commitment(Suite suite, byte[] dek) {
        return Hkdf.sha256(dek, NO_SALT, info(COMMITMENT, suite), BYTES);
    }

    /** Constant-time comparison of {@code expected} with the {@link #BYTES} bytes of {@code encoded} at {@code offset}. */
    static boolean matches(byte[] expected, byte[] encoded, int offset) {
        int difference = 0;
        for (int i = 0; i < BYTES; i++) {
            difference |= expected[i] ^ encoded[offset + i];
        }
        return difference == 0;
    }

    private static byte[] info(byte[] label, Suite suite) {
        byte[] info = Arrays.copyOf(label, label.length + 1);
        info[label.length] = (byte) Suites.code(suite);
        return info;
    }
}
