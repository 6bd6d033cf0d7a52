package dev.consentkit.crypto.internal;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 through the JDK, with a truncating variant for blind indexes and key commitments.
 * Keys are at least 32 bytes: every key ConsentKit uses here is a 256-bit random or derived key, and a
 * shorter one is a mistake. Not API.
 *
 * <p>Thread-safe: each thread keeps one {@link Mac}, re-keyed by every call ({@code init} discards the
 * previous key and any unfinished input), because {@code Mac.getInstance} costs more than a MAC over a
 * short value.
 */
public final class HmacSha256 {
    /** Shortest accepted key. */
    public static final int MIN_KEY_BYTES = 32;
    /** Length of an untruncated MAC. */
    public static final int MAC_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> Jce.mac(ALGORITHM));

    private HmacSha256() {
    }

    /**
     * @param key at least {@value #MIN_KEY_BYTES} bytes
     * @param parts the message, fed in order (their concatenation is MACed, so callers must make the
     *     split unambiguous)
     * @return the 32-byte MAC
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
     * @throws NullPointerException if an argument or part is null
     */
    public static byte[] mac(byte[] key, byte[]... parts) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parts, "parts");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("HMAC key must have at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
        }
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC key refused by the platform", e);
        }
        for (byte[] part : parts) {
            mac.update(Objects.requireNonNull(part, "part"));
        }
        return mac.doFinal();
    }

    /**
     * @param key at least {@value #MIN_KEY_BYTES} bytes
     * @param length how many leading bytes of the MAC to keep, 1 to {@value #MAC_BYTES}; how short is
     *     safe is the caller's decision (a blind index sizes it against the population)
     * @param parts the message, fed in order
     * @return the first {@code length} bytes of the MAC
     * @throws IllegalArgumentException if the key is too short or {@code length} out of range
     * @throws NullPointerException if an argument or part is null
     */
    public static byte[] truncated(byte[] key, int length, byte[]... parts) {
        if (length < 1 || length > MAC_BYTES) {
            throw new IllegalArgumentException("truncated HMAC must keep 1 to " + MAC_BYTES + " bytes, got " + length);
        }
        byte[] full = mac(key, parts);
        return length == MAC_BYTES ? full : Arrays.copyOf(full, length);
    }
}
