package dev.consentkit.core.spi.protection;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Wrapped data keys per (subject reference, purpose group, version). Destroying a subject's rows is
 * crypto-shredding: every ciphertext made under them, backups included, becomes unreadable.
 *
 * <p>Unlike the ledger and the audit chain, this store is not append-only: {@link #rewrap} updates a
 * row and {@link #destroy} deletes rows, leaving a {@link KeyShred} record of each (so that a value
 * whose key was shredded can be told from a value whose key id was damaged). Subject references,
 * groups, KEK ids and key-file ids are compared exactly (case and every character count).
 *
 * <p>The store also remembers the highest generation seen of each passphrase-sealed master-key file
 * ({@link #recordKeyFileGeneration}), so that a file rolled back to an earlier generation is found.
 *
 * <p>Reached through {@link #in(StorageTransaction)}; valid only inside that unit of work and not
 * thread-safe. Every write in a read-only unit ({@link dev.consentkit.core.spi.ConsentStorage#read}) throws
 * {@link IllegalStateException}. Arguments must not be {@code null}.
 */
public interface KeyStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static KeyStore in(StorageTransaction tx) {
        return Ports.in(tx, KeyStore.class);
    }

    /**
     * Stores a new key.
     *
     * @param key the wrapped key
     * @throws dev.consentkit.core.ConcurrentUpdateException if a key with the same (subject, group,
     *         version) or the same key id, of any subject, exists (a concurrent writer made it first, or
     *         a random key id collided); the unit of work is then to be rolled back and retried
     * @throws IllegalArgumentException if the store cannot keep the key's creation time exactly
     *         (see {@link dev.consentkit.core.spi.ConsentStorage})
     */
    void add(WrappedKey key);

    /**
     * @param subjectRef the subject's reference
     * @param group the purpose group
     * @return the highest version of that subject's key for the group, if any
     */
    Optional<WrappedKey> current(KeyedHash subjectRef, KeyGroup group);

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
     * Destroys keys: the rows are deleted, not flagged, and a {@link KeyShred} is recorded for each
     * (subject reference, group, version, key id, KEK id, {@code at}) in the same unit of work.
     *
     * @param subjectRef the subject's reference
     * @param groups the groups to destroy; empty for every group
     * @param at when; recorded in each shred record
     * @return how many keys were destroyed
     * @throws IllegalArgumentException if the store cannot keep {@code at} exactly
     */
    int destroy(KeyedHash subjectRef, List<KeyGroup> groups, Instant at);

    /**
     * Whether a key was shredded: a {@link KeyShred} names that key id of that subject, or an earlier
     * shred ({@link #recordEarlierShred}) names the subject and that group (or every group).
     *
     * @param subjectRef the subject's reference
     * @param group the group the key belonged to (the field's group)
     * @param keyId the key id read from a ciphertext
     * @return when it was shredded (the earliest matching record), or empty if nothing says it was
     */
    Optional<Instant> shredded(KeyedHash subjectRef, KeyGroup group, int keyId);

    /**
     * @param subjectRef the subject's reference
     * @return the shred records of the subject's destroyed keys, by group (in {@link String#compareTo}
     *         order) then version; earlier shreds ({@link #recordEarlierShred}) are not listed
     */
    List<KeyShred> shredsOf(KeyedHash subjectRef);

    /**
     * Records a shred that happened before this store kept shred records (schema version 3 and
     * earlier), known only by subject and group — from the audit chain. Afterwards every key id of that
     * subject and group (or of every group) counts as {@link #shredded}. Idempotent.
     *
     * @param subjectRef the subject's reference
     * @param group the group shredded, or empty for every group
     * @param at when it was shredded
     * @return whether it was not recorded yet
     * @throws IllegalArgumentException if the store cannot keep {@code at} exactly
     */
    boolean recordEarlierShred(KeyedHash subjectRef, Optional<KeyGroup> group, Instant at);

    /**
     * How many data keys each key-encryption key has wrapped, as far as the store can tell: the keys
     * stored under it now, and the shred records naming it. A key rewrapped to another KEK counts for
     * that one only. For the random-nonce bound of an AEAD master key, and to find a master key that
     * keys are still wrapped under.
     *
     * @return the counts per KEK id; KEKs with neither are absent
     */
    Map<KekId, KekUsage> usageByKek();

    /**
     * @param fileId a key file's id
     * @return the highest generation of that key file recorded, if any
     */
    OptionalLong keyFileGeneration(KeyFileId fileId);

    /**
     * Records that a key file was seen at a generation, unless a higher generation of it was recorded
     * already (then nothing changes).
     *
     * @param fileId the key file's id
     * @param generation its generation, positive
     * @param at when it was seen
     * @throws IllegalArgumentException if the generation is not positive, or the store cannot keep
     *         {@code at} exactly
     */
    void recordKeyFileGeneration(KeyFileId fileId, long generation, Instant at);

    /** @return how many key files have a recorded generation */
    int keyFilesRecorded();

    /**
     * Keys wrapped under another KEK than {@code kekId}, for master-key rotation in batches: rewrap
     * the keys returned, then ask again until the answer is empty. In no particular order.
     *
     * @param kekId the current KEK's id
     * @param limit at most this many, positive
     * @return keys still to rewrap
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<WrappedKey> wrappedUnderOtherThan(KekId kekId, int limit);

    /**
     * Replaces a key's wrapping (master-key rotation); nothing else may change. The stored key is the
     * one with the same subject reference, group, version and key id; only {@link WrappedKey#kekId()},
     * {@link WrappedKey#wrapped()}, {@link WrappedKey#format()} and {@link WrappedKey#authenticator()}
     * are taken from {@code key}, the stored creation time stays.
     *
     * @param key the rewrapped key
     * @return whether the key still existed (it may have been shredded meanwhile); nothing is written
     *         when it did not
     */
    boolean rewrap(WrappedKey key);
}
