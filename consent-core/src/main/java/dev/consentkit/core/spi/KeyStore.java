package dev.consentkit.core.spi;

import dev.consentkit.core.KeyedHash;
import java.util.List;
import java.util.Optional;

/**
 * Wrapped data keys per (subject reference, purpose group, version). Destroying a subject's rows is
 * crypto-shredding: every ciphertext made under them, backups included, becomes unreadable.
 *
 * <p>Unlike the ledger and the audit chain, this store is not append-only: {@link #rewrap} updates a
 * row and {@link #destroy} deletes rows. Subject references, groups and KEK ids are compared exactly
 * (case and every character count).
 *
 * <p>Reached through {@link StorageTransaction#keys()}; valid only inside that unit of work and not
 * thread-safe. Every write in a read-only unit ({@link ConsentStorage#read}) throws
 * {@link IllegalStateException}. Arguments must not be {@code null}.
 */
public interface KeyStore {
    /**
     * Stores a new key.
     *
     * @param key the wrapped key
     * @throws dev.consentkit.core.ConcurrentUpdateException if a key with the same (subject, group,
     *         version) or the same key id, of any subject, exists (a concurrent writer made it first, or
     *         a random key id collided); the unit of work is then to be rolled back and retried
     * @throws IllegalArgumentException if the store cannot keep the key's creation time exactly
     *         (see {@link ConsentStorage})
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
     * @return that key, if it exists and belongs to that subject (it does not once shredded; another
     *         subject's key with that id is never returned)
     */
    Optional<WrappedKey> find(KeyedHash subjectRef, int keyId);

    /**
     * @param subjectRef the subject's reference
     * @return every key of the subject, by group (in {@link String#compareTo} order) then version
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
     * Keys wrapped under another KEK than {@code kekId}, for master-key rotation in batches: rewrap
     * the keys returned, then ask again until the answer is empty. In no particular order.
     *
     * @param kekId the current KEK's id
     * @param limit at most this many, positive
     * @return keys still to rewrap
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<WrappedKey> wrappedUnderOtherThan(String kekId, int limit);

    /**
     * Replaces a key's wrapped bytes and KEK id (master-key rotation); nothing else may change. The
     * stored key is the one with the same subject reference, group, version and key id; only
     * {@link WrappedKey#kekId()} and {@link WrappedKey#wrapped()} are taken from {@code key}, the
     * stored creation time stays.
     *
     * @param key the rewrapped key
     * @return whether the key still existed (it may have been shredded meanwhile); nothing is written
     *         when it did not
     */
    boolean rewrap(WrappedKey key);
}
