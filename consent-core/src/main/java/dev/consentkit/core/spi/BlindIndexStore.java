package dev.consentkit.core.spi;

import dev.consentkit.core.SubjectId;
import java.util.List;

/** Blind-index values per subject: find a client by e-mail without decrypting anything. */
public interface BlindIndexStore {
    /**
     * Adds an entry; an equal entry already stored is left as it is.
     *
     * @param entry the entry
     */
    void put(BlindIndexEntry entry);

    /**
     * Removes one subject's value of one index (the field changed).
     *
     * @param index the index name
     * @param subject the subject
     * @return how many entries were removed
     */
    int remove(String index, SubjectId subject);

    /**
     * @param index the index name
     * @param value the index value of the searched term
     * @return the subjects with that value, possibly several (truncated indexes collide on purpose)
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
