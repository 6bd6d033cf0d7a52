package dev.consentkit.crypto.internal;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869), extract then expand, written on the JDK's HmacSHA256 (the JDK 17 API has no
 * HKDF). It replaced Bouncy Castle's {@code HKDFBytesGenerator}: the output is the same byte for byte
 * (Wycheproof says so), and the JDK's intrinsic SHA-256 makes it several times faster. It now runs once
 * per data key and suite ({@link KeyCommitment}) and once per blind index. Not API.
 *
 * <p>Thread-safe: each thread keeps one {@link Mac}, re-keyed by every step ({@code init} discards the
 * previous key and any unfinished input).
 */
public final class Hkdf {
    /** Longest output HKDF-SHA256 can give: 255 blocks of 32 bytes. */
    public static final int MAX_OUTPUT_BYTES = 255 * 32;

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> Jce.mac("HmacSHA256"));

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
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            for (int done = 0, counter = 1; done < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            java.util.Arrays.fill(prk, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
