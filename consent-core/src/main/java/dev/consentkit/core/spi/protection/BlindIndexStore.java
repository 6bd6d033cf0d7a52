package dev.consentkit.core.spi.protection;

import dev.consentkit.core.spi.Ports;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.SubjectId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Blind-index values per subject: find a client by e-mail without decrypting anything.
 *
 * <p>Index names, values, groups and subject ids are compared exactly (case and every character
 * count). A subject may hold several values of one index (two e-mail addresses, or one value in two
 * normalisation versions while the index is re-indexed), and one value may belong to several subjects
 * (truncated indexes collide on purpose).
 *
 * <p>Every entry written through this port names the key group whose shredding removes it
 * ({@link #removeGroups}). Entries stored before the group was recorded (a JDBC schema upgraded from
 * version 3) have no group until {@link #attribute} gives them one, and until then any
 * {@link #removeGroups} of their subject removes them too: an entry that cannot be attributed is
 * treated as belonging to every group.
 *
 * <p>Reached through {@link #in(StorageTransaction)}; valid only inside that unit of work
 * and not thread-safe. Every write in a read-only unit ({@link dev.consentkit.core.spi.ConsentStorage#read}) throws
 * {@link IllegalStateException}. Arguments must not be {@code null}.
 */
public interface BlindIndexStore {
    /**
     * @param tx a unit of work
     * @return this port of the unit's storage
     * @throws IllegalStateException if the storage does not offer it
     */
    static BlindIndexStore in(StorageTransaction tx) {
        return Ports.in(tx, BlindIndexStore.class);
    }

    /**
     * Adds an entry. An entry with the same index, version, value and subject already stored is kept,
     * with the group and field of {@code entry}.
     *
     * @param entry the entry
     */
    void put(BlindIndexEntry entry);

    /**
     * Removes one subject's values of one index, in every version (the field changed).
     *
     * @param index the index name
     * @param subject the subject
     * @return how many entries were removed
     */
    int remove(IndexName index, SubjectId subject);

    /**
     * @param index the index name
     * @param version the normalisation version {@code value} was computed with
     * @param value the index value of the searched term
     * @return the subjects with that value in that version, each once, in no particular order; possibly
     *         several (truncated indexes collide on purpose), possibly none
     */
    List<SubjectId> find(IndexName index, int version, String value);

    /**
     * Removes every entry of a subject (erasure of the whole subject).
     *
     * @param subject the subject
     * @return how many entries were removed
     */
    int removeSubject(SubjectId subject);

    /**
     * Removes a subject's entries of the named key groups, and its entries not yet attributed to any
     * group: what crypto-shredding those groups must take with the keys, in the same unit of work.
     *
     * @param subject the subject
     * @param groups the key groups, at least one
     * @return how many entries were removed
     * @throws IllegalArgumentException if {@code groups} is empty
     */
    int removeGroups(SubjectId subject, Collection<KeyGroup> groups);

    /**
     * Attributes the index's entries that have no group yet (stored before groups were recorded) to
     * {@code group} and {@code field}. Entries that have a group keep it.
     *
     * @param index the index name
     * @param group the key group of the indexed field(s)
     * @param field the indexed field(s), as {@link BlindIndexEntry#field()}
     * @return how many entries were attributed
     * @throws IllegalArgumentException if the field is malformed
     */
    int attribute(IndexName index, KeyGroup group, String field);

    /**
     * One page of the subjects holding entries of {@code index} in a version below {@code version}:
     * what a re-index to {@code version} still has to move. Subjects come in the store's order of
     * subject ids, each once, after {@code after}; paging with the last subject of each page as the
     * next {@code after} visits every such subject once.
     *
     * @param index the index name
     * @param version the version being moved to
     * @param after the last subject of the previous page, or empty for the first page
     * @param limit at most this many, 1 to 10 000
     * @return the page, possibly empty
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    List<SubjectId> olderThan(IndexName index, int version, Optional<SubjectId> after, int limit);

    /**
     * Removes a subject's entries of {@code index} in versions below {@code version}.
     *
     * @param index the index name
     * @param version entries of lower versions go
     * @param subject the subject
     * @return how many entries were removed; 0 if the subject was re-indexed or erased meanwhile
     */
    int removeOlderThan(IndexName index, int version, SubjectId subject);
}
