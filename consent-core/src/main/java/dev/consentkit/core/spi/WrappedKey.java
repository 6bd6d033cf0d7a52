package dev.consentkit.core.spi;

import dev.consentkit.core.KeyedHash;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A data key as the key store keeps it: wrapped (encrypted) under a key-encryption key, so the
 * store never holds key material in the clear. Opaque bytes to every store.
 *
 * <p>Immutable: the wrapped bytes are copied in and out. {@link #toString()} shows no key bytes.
 *
 * @param subjectRef keyed hash of the subject the key belongs to (never the raw subject id)
 * @param group the purpose group, e.g. {@code marketing}
 * @param version the key's version within (subject, group), from 1
 * @param keyId the id written into every ciphertext made with it (random per key, unique per store)
 * @param kekId id of the key-encryption key that wrapped it
 * @param wrapped the wrapped key bytes
 * @param createdAt when it was made
 */
public record WrappedKey(KeyedHash subjectRef, String group, int version, int keyId, String kekId, byte[] wrapped,
                         Instant createdAt) {
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern KEK = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

    /**
     * @throws IllegalArgumentException if the group or KEK id is malformed, the version is not
     *                                  positive, or the wrapped bytes are empty or longer than 512
     */
    public WrappedKey {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(wrapped, "wrapped");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("key group must match " + GROUP.pattern());
        }
        if (!KEK.matcher(kekId).matches()) {
            throw new IllegalArgumentException("KEK id must match " + KEK.pattern());
        }
        if (version <= 0) {
            throw new IllegalArgumentException("key version must be positive");
        }
        if (wrapped.length == 0 || wrapped.length > 512) {
            throw new IllegalArgumentException("wrapped key must have 1 to 512 bytes");
        }
        wrapped = wrapped.clone();
    }

    /** @return a copy of the wrapped bytes */
    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    /**
     * @param kekId the new key-encryption key's id
     * @param rewrapped the key wrapped under it
     * @return this key, rewrapped (same subject, group, version, key id and creation time)
     */
    public WrappedKey rewrapped(String kekId, byte[] rewrapped) {
        return new WrappedKey(subjectRef, group, version, keyId, kekId, rewrapped, createdAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey k && subjectRef.equals(k.subjectRef) && group.equals(k.group)
                && version == k.version && keyId == k.keyId && kekId.equals(k.kekId)
                && Arrays.equals(wrapped, k.wrapped) && createdAt.equals(k.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subjectRef, group, version, keyId, kekId, Arrays.hashCode(wrapped), createdAt);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + subjectRef + "/" + group + " v" + version + ", keyId " + Integer.toHexString(keyId)
                + ", kek " + kekId + ", " + wrapped.length + " bytes]";
    }

    /** @return the wrapped bytes in base64, for stores that keep text */
    public String wrappedBase64() {
        return Base64.getEncoder().encodeToString(wrapped);
    }
}
