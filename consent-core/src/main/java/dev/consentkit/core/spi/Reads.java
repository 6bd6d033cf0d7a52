package dev.consentkit.core.spi;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import java.util.List;
import java.util.Objects;

/**
 * What the core computes from the consent ports instead of asking a storage for it: one subject's states
 * for a purpose, a subject's history, a page of entries. Stateless, thread-safe.
 */
public final class Reads {
    private Reads() {
    }

    /**
     * @param tx a unit of work
     * @param subject a subject
     * @param purpose a purpose
     * @return the subject's states for the purpose (every scope), in no particular order
     */
    public static List<ConsentState> states(StorageTransaction tx, SubjectId subject, PurposeId purpose) {
        Objects.requireNonNull(subject, "subject");
        return tx.projection().findAll(List.of(subject), purpose).getOrDefault(subject, List.of());
    }

    /**
     * @param tx a unit of work
     * @param subject a subject
     * @return every entry of the subject, lowest sequence first
     * @throws IllegalArgumentException if a stored row is not a valid entry
     */
    public static List<LedgerEntry> history(StorageTransaction tx, SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        return tx.ledger().rowsOf(List.of(subject.value())).stream().map(StoredLedgerRow::toEntry).toList();
    }

    /**
     * @param tx a unit of work
     * @param afterSequence return entries with a higher sequence (0 for the start)
     * @param limit at most this many, positive
     * @return entries in sequence order
     * @throws IllegalArgumentException if a stored row is not a valid entry
     */
    public static List<LedgerEntry> entries(StorageTransaction tx, long afterSequence, int limit) {
        return tx.ledger().rows(afterSequence, limit).stream().map(StoredLedgerRow::toEntry).toList();
    }
}
