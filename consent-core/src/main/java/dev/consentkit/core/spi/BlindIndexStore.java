package dev.consentkit.core.spi;

import dev.consentkit.core.SubjectId;
import java.util.List;

/**
 * Blind-index values per subject: find a client by e-mail without decrypting anything.
 *
 * <p>Index names, values and subject ids are compared exactly (case and every character count). A
 * subject may hold several values of one index (two e-mail addresses), and one value may belong to
 * several subjects (truncated indexes collide on purpose).
 *
 * <p>Reached through {@link StorageTransaction#blindIndexes()}; valid only inside that unit of work
 * and not thread-safe. Every write in a read-only unit ({@link ConsentStorage#read}) throws
 * {@link IllegalStateException}. Arguments must not be {@code null}.
 */
public interface BlindIndexStore {
    /**
     * Adds an entry; an equal entry already stored is left as it is.
     *
     * @param entry the entry
     */
    void put(BlindIndexEntry entry);

    /**
     * Removes one subject's values of one index (the field changed).
     *
     * @param index the index name
     * @param subject the subject
     * @return how many entries were removed
     */
    int remove(String index, SubjectId subject);

    /**
     * @param index the index name
     * @param value the index value of the searched term
     * @return the subjects with that value, each once, in no particular order; possibly several
     *         (truncated indexes collide on purpose), possibly none
     */
    List<SubjectId> find(String index, String value);

    /**
     * Removes every entry of a subject (erasure, crypto-shredding).
     *
     * @param subject the subject
     * @return how many entries were removed
     */
    int removeSubject(SubjectId subject);
}
