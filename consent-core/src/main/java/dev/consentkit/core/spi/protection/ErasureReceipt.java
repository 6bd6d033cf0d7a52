package dev.consentkit.core.spi.protection;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KeyedHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Proof that a subject's keys were destroyed, with no personal data: the subject appears only by
 * its keyed reference, and the audit entry's id ties the receipt to the audit chain.
 *
 * @param subjectRef the subject's keyed reference
 * @param groups the key groups shredded; empty means every group
 * @param keysDestroyed how many data keys were destroyed
 * @param indexEntriesRemoved how many blind-index entries were removed
 * @param at when
 * @param auditEntry id of the audit entry of the shredding ({@code AuditTrail.recordsOf} finds its record)
 */
public record ErasureReceipt(KeyedHash subjectRef, List<KeyGroup> groups, int keysDestroyed, int indexEntriesRemoved,
                             Instant at, long auditEntry) {
    /** Checks for nulls and copies the groups. */
    public ErasureReceipt {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(at, "at");
        groups = List.copyOf(groups);
    }
}
