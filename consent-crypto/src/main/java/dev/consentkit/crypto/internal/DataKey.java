package dev.consentkit.crypto.internal;

import java.util.Objects;

/**
 * A 256-bit data key (DEK) with its key id, the id written into every value sealed under it. Not API.
 *
 * <p>Immutable and thread-safe. The key bytes are copied in and never leave; {@link #toString()} shows
 * the id only.
 */
public final class DataKey {
    /** Key size: 32 bytes. */
    public static final int BYTES = 32;

    private final int keyId;
    private final byte[] key;

    private DataKey(int keyId, byte[] key) {
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * @param keyId the key's id, any 32-bit value (read as unsigned); random per key version, never
     *     derived from the key
     * @param key 32 bytes, copied
     * @return the data key
     * @throws IllegalArgumentException if {@code key} is not 32 bytes
     * @throws NullPointerException if {@code key} is null
     */
    public static DataKey of(int keyId, byte[] key) {
        Objects.requireNonNull(key, "key");
        return new DataKey(keyId, Sizes.exactly(key, BYTES, "key").clone());
    }

    /** @return the key id */
    public int keyId() {
        return keyId;
    }

    /** The key itself, not copied: only this package reads it, and nothing here writes to it. */
    byte[] bytes() {
        return key;
    }

    @Override
    public String toString() {
        return "DataKey[keyId=" + Integer.toUnsignedString(keyId) + ", key=<masked>]";
    }
}
