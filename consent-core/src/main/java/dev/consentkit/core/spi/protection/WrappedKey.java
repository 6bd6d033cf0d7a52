package dev.consentkit.core.spi.protection;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A data key as the key store keeps it: wrapped (encrypted) under a key-encryption key, so the
 * store never holds key material in the clear. Opaque bytes to every store: only the field-protection
 * module interprets {@link #format()}, {@link #wrapped()} and {@link #authenticator()}.
 *
 * <p>Immutable: the byte arrays are copied in and out. {@link #toString()} shows no key bytes.
 *
 * @param subjectRef keyed hash of the subject the key belongs to (never the raw subject id)
 * @param group the purpose group, e.g. {@code marketing}
 * @param version the key's version within (subject, group), from 1
 * @param keyId the id written into every ciphertext made with it (random per key, unique per store)
 * @param kekId id of the key-encryption key that wrapped it
 * @param wrapped the wrapped key bytes
 * @param createdAt when it was made
 * @param format how the key was wrapped and authenticated: {@value #FORMAT_V1} for keys stored before
 *     schema version 4 (wrap context without key id and KEK id), {@value #FORMAT_V2} since; 1 to 255
 * @param authenticator a tag by which the maker of the row recognises it as its own (a MAC under a
 *     secret a write-only front end lacks), 0 to 64 bytes; empty when the row has none (rows stored
 *     before schema version 4, and rows made by a write-only front end)
 */
public record WrappedKey(KeyedHash subjectRef, KeyGroup group, int version, int keyId, KekId kekId, byte[] wrapped,
                         Instant createdAt, int format, byte[] authenticator) {
    /** The format of keys stored before schema version 4: no authenticator, context without ids. */
    public static final int FORMAT_V1 = 1;
    /** The format since schema version 4: the wrap context binds the key id and the KEK id. */
    public static final int FORMAT_V2 = 2;
    private static final byte[] NONE = new byte[0];

    /**
     * @throws IllegalArgumentException if the version is not positive, the wrapped bytes are empty or longer than 512, the format is outside 1 to 255, or
     *     the authenticator is longer than 64 bytes
     */
    public WrappedKey {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(wrapped, "wrapped");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(authenticator, "authenticator");
        checkVersion(version);
        if (wrapped.length == 0 || wrapped.length > 512) {
            throw new IllegalArgumentException("wrapped key must have 1 to 512 bytes");
        }
        if (format < 1 || format > 255) {
            throw new IllegalArgumentException("key format must be 1 to 255");
        }
        if (authenticator.length > 64) {
            throw new IllegalArgumentException("key authenticator must have at most 64 bytes");
        }
        wrapped = wrapped.clone();
        authenticator = authenticator.length == 0 ? NONE : authenticator.clone();
    }

    static void checkVersion(int version) {
        if (version <= 0) {
            throw new IllegalArgumentException("key version must be positive");
        }
    }

    /**
     * A key as stored before schema version 4: format {@value #FORMAT_V1}, no authenticator.
     *
     * @param subjectRef keyed hash of the subject
     * @param group the purpose group
     * @param version the version, from 1
     * @param keyId the key id
     * @param kekId the KEK id
     * @param wrapped the wrapped bytes
     * @param createdAt when it was made
     * @throws IllegalArgumentException as the canonical constructor
     */
    public WrappedKey(KeyedHash subjectRef, KeyGroup group, int version, int keyId, KekId kekId, byte[] wrapped,
                      Instant createdAt) {
        this(subjectRef, group, version, keyId, kekId, wrapped, createdAt, FORMAT_V1, NONE);
    }

    /** @return a copy of the wrapped bytes */
    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    /** @return a copy of the authenticator; empty if the row has none */
    @Override
    public byte[] authenticator() {
        return authenticator.clone();
    }

    /** @return whether the row carries an authenticator */
    public boolean hasAuthenticator() {
        return authenticator.length > 0;
    }

    /**
     * @param kekId the new key-encryption key's id
     * @param rewrapped the key wrapped under it
     * @param format the format of the new wrapping
     * @param authenticator the new row's authenticator, or empty
     * @return this key, rewrapped (same subject, group, version, key id and creation time)
     * @throws IllegalArgumentException as the canonical constructor
     */
    public WrappedKey rewrapped(KekId kekId, byte[] rewrapped, int format, byte[] authenticator) {
        return new WrappedKey(subjectRef, group, version, keyId, kekId, rewrapped, createdAt, format, authenticator);
    }

    /**
     * @param kekId the new key-encryption key's id
     * @param rewrapped the key wrapped under it
     * @return this key, rewrapped, keeping its format and authenticator (for tests of stores, which
     *     treat both as opaque)
     */
    public WrappedKey rewrapped(KekId kekId, byte[] rewrapped) {
        return rewrapped(kekId, rewrapped, format, authenticator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey k && subjectRef.equals(k.subjectRef) && group.equals(k.group)
                && version == k.version && keyId == k.keyId && kekId.equals(k.kekId)
                && Arrays.equals(wrapped, k.wrapped) && createdAt.equals(k.createdAt) && format == k.format
                && Arrays.equals(authenticator, k.authenticator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subjectRef, group, version, keyId, kekId, Arrays.hashCode(wrapped), createdAt, format,
                Arrays.hashCode(authenticator));
    }

    @Override
    public String toString() {
        return "WrappedKey[" + subjectRef + "/" + group + " v" + version + ", keyId " + Integer.toHexString(keyId)
                + ", kek " + kekId + ", format " + format + ", " + wrapped.length + " bytes"
                + (authenticator.length > 0 ? ", authenticated" : "") + "]";
    }

    /** @return the wrapped bytes in base64, for stores that keep text */
    public String wrappedBase64() {
        return Base64.getEncoder().encodeToString(wrapped);
    }
}
