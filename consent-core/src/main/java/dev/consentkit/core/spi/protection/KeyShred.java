package dev.consentkit.core.spi.protection;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import java.time.Instant;
import java.util.Objects;

/**
 * The record a crypto-shredded data key leaves behind: which key of which subject and group was
 * destroyed, and when — no key material and no personal value. It is what tells a value whose key
 * was shredded (it reads as erased) from a value whose key id was damaged (it fails to decrypt).
 *
 * @param subjectRef keyed hash of the subject the key belonged to
 * @param group the key's purpose group
 * @param version the key's version within (subject, group)
 * @param keyId the key's id, as written in every value sealed under it
 * @param kekId the key-encryption key it was wrapped under when destroyed (it counts towards that
 *     key's wraps)
 * @param shreddedAt when it was destroyed
 */
public record KeyShred(KeyedHash subjectRef, KeyGroup group, int version, int keyId, KekId kekId, Instant shreddedAt) {
    /**
     * @throws IllegalArgumentException if the version is not positive
     */
    public KeyShred {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(shreddedAt, "shreddedAt");
        WrappedKey.checkVersion(version);
    }

    /**
     * @param key the key being destroyed
     * @param at when
     * @return the record of its destruction
     */
    public static KeyShred of(WrappedKey key, Instant at) {
        return new KeyShred(key.subjectRef(), key.group(), key.version(), key.keyId(), key.kekId(), at);
    }
}
