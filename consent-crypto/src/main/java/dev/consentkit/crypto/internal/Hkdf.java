package dev.consentkit.crypto.internal;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869), extract then expand, through Bouncy Castle's lightweight API (the JDK 17
 * API has no HKDF). Not API.
 *
 * <p>Thread-safe: every derivation uses a fresh generator.
 */
public final class Hkdf {
    /** Longest output HKDF-SHA256 can give: 255 blocks of 32 bytes. */
    public static final int MAX_OUTPUT_BYTES = 255 * 32;

    private Hkdf() {
    }

    /**
     * Derives {@code length} bytes.
     *
     * @param ikm input keying material
     * @param salt may be empty, which RFC 5869 treats as 32 zero bytes
     * @param info context and application-specific label; may be empty
     * @param length 1 to {@value #MAX_OUTPUT_BYTES}
     * @return the output keying material
     * @throws IllegalArgumentException if {@code length} is out of range
     * @throws NullPointerException if an argument is null
     */
    public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        Objects.requireNonNull(ikm, "ikm");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 1 to " + MAX_OUTPUT_BYTES + " bytes, got " + length);
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
