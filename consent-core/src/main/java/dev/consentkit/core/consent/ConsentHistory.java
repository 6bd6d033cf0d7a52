package dev.consentkit.core.consent;

import dev.consentkit.core.SubjectId;
import java.util.List;
import java.util.Objects;

/**
 * Every consent event of one subject, in ledger order: what a subject gets on an access request.
 *
 * @param subject the subject
 * @param entries the ledger entries, lowest sequence first
 */
public record ConsentHistory(SubjectId subject, List<LedgerEntry> entries) {
    /**
     * @throws IllegalArgumentException if an entry belongs to another subject
     */
    public ConsentHistory {
        Objects.requireNonNull(subject, "subject");
        entries = List.copyOf(entries);
        for (LedgerEntry e : entries) {
            if (!e.event().scope().subject().equals(subject)) {
                throw new IllegalArgumentException("history of " + subject + " holds an event of another subject");
            }
        }
    }
}
