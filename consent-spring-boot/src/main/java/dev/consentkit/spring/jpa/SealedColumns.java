package dev.consentkit.spring.jpa;

import dev.consentkit.crypto.spec.Suite;
import java.util.Objects;

/**
 * How wide a text column must be for a sealed value. The text form is {@code ck1.} followed by the
 * binary form in unpadded base64url; the binary form is 7 header bytes (version, suite, flags, 4-byte
 * key id), the nonce (12 bytes for AES-256-GCM, 24 for XChaCha20-Poly1305), a 16-byte key commitment,
 * the ciphertext (as long as the plaintext's UTF-8 bytes) and a 16-byte tag:
 *
 * <pre>
 * length = 4 + ceil(4 * (51 + n) / 3)   AES-256-GCM          (n = plaintext bytes in UTF-8)
 * length = 4 + ceil(4 * (63 + n) / 3)   XChaCha20-Poly1305
 * </pre>
 *
 * <p>For a plaintext of up to {@code c} characters, {@code n} is at most {@code c} for ASCII and at most
 * {@code 3c} for any text (a character outside the Basic Multilingual Plane is two Java characters and
 * four bytes). {@link #forCharacters} sizes for any text under either suite. Stateless.
 */
public final class SealedColumns {
    private static final int PREFIX = 4;
    private static final int FIXED = 7 + 16 + 16;

    private SealedColumns() {
    }

    /**
     * @param plaintextBytes the longest plaintext, in UTF-8 bytes, 0 or more
     * @param suite the suite values are sealed with
     * @return the characters of its sealed text form
     * @throws IllegalArgumentException if {@code plaintextBytes} is negative
     */
    public static int forBytes(int plaintextBytes, Suite suite) {
        Objects.requireNonNull(suite, "suite");
        if (plaintextBytes < 0) {
            throw new IllegalArgumentException("a plaintext has 0 or more bytes");
        }
        int nonce = suite == Suite.AES_256_GCM ? 12 : 24;
        long binary = (long) FIXED + nonce + plaintextBytes;
        return Math.toIntExact(PREFIX + (4 * binary + 2) / 3);
    }

    /**
     * @param plaintextCharacters the longest plaintext, in Java characters (as {@code @Size(max)} counts), 0 or more
     * @return a column length that holds its sealed form for any text, under either suite
     * @throws IllegalArgumentException if {@code plaintextCharacters} is negative
     */
    public static int forCharacters(int plaintextCharacters) {
        if (plaintextCharacters < 0) {
            throw new IllegalArgumentException("a plaintext has 0 or more characters");
        }
        return forBytes(Math.multiplyExact(3, plaintextCharacters), Suite.XCHACHA20_POLY1305);
    }
}
