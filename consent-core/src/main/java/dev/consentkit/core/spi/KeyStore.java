package dev.consentkit.core.spi;

import dev.consentkit.core.KeyedHash;
import java.util.List;
import java.util.Optional;

/**
 * Wrapped data keys per (subject reference, purpose group, version). Destroying a subject's rows is
 * crypto-shredding: every ciphertext made under them, backups included, becomes unreadable.
 */
public interface KeyStore {
    /**
     * Stores a new key.
     *
     * @param key the wrapped key
     * @throws dev.consentkit.core.ConcurrentUpdateException if a key with the same (subject, group,
     *         version) or the same key id exists (a concurrent writer made it first)
     */
    void add(WrappedKey key);

    /**
     * @param subjectRef the subject's reference
     * @param group the purpose group
     * @return the highest version of that subject's key for the group, if any
     */
    Optional<WrappedKey> current(KeyedHash subjectRef, String group);

    /**
     * @param subjectRef the subject's reference
     * @param keyId the key id read from a ciphertext
     * @return that key, if it exists (it does not once shredded)
     */
    Optional<WrappedKey> find(KeyedHash subjectRef, int keyId);

    /**
     * @param subjectRef the subject's reference
     * @return every key of the subject, by group then version
     */
    List<WrappedKey> forSubject(KeyedHash subjectRef);

    /**
     * Destroys keys: the rows are deleted, not flagged.
     *
     * @param subjectRef the subject's reference
     * @param groups the groups to destroy; empty for every group
     * @return how many keys were destroyed
     */
    int destroy(KeyedHash subjectRef, List<String> groups);

    /**
     * Keys wrapped under another KEK than {@code kekId}, for master-key rotation in batches.
     *
     * @param kekId the current KEK's id
     * @param limit at most this many, positive
     * @return keys still to rewrap
     */
    List<WrappedKey> wrappedUnderOtherThan(String kekId, int limit);

    /**
     * Replaces a key's wrapped bytes and KEK id (master-key rotation); nothing else may change.
     *
     * @param key the rewrapped key
     * @return whether the key still existed (it may have been shredded meanwhile)
     */
    boolean rewrap(WrappedKey key);
}
