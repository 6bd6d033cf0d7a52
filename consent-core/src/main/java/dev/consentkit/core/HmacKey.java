package dev.consentkit.core;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Secret key material for HMAC-SHA256, supplied by the host (the audit key, the pseudonym key).
 *
 * <p>Immutable and thread-safe. At least 32 bytes. {@link #toString()} is masked; the bytes leave
 * only through {@link #bytes()}, as a copy.
 */
public final class HmacKey {
    /** Shortest accepted key, in bytes. */
    public static final int MIN_BYTES = 32;
    private final byte[] key;

    private HmacKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("HMAC key must have at least " + MIN_BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /**
     * @param key the raw key, copied
     * @return the key
     * @throws IllegalArgumentException if shorter than {@value #MIN_BYTES} bytes
     */
    public static HmacKey of(byte[] key) {
        return new HmacKey(Objects.requireNonNull(key, "key"));
    }

    /**
     * @param base64 the key in standard or URL-safe base64, e.g. from an environment variable
     * @return the key
     * @throws IllegalArgumentException if not base64 or too short (the message never echoes the value)
     */
    public static HmacKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HMAC key is not valid base64");
        }
        return new HmacKey(raw);
    }

    /** @return a copy of the key bytes */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HmacKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "HmacKey[<masked>]";
    }
}
