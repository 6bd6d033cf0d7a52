package dev.consentkit.core.retention;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.PurposeId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One disposed batch of a {@link DestructionAct}: whose data (pseudonymous references only), which
 * category, how many records, how, why and when, and the audit record written with it. Stored in the
 * same unit of work as the disposal it describes.
 *
 * @param number position in the act, from 1
 * @param policyId the retention policy that made the records due
 * @param purpose the policy's purpose
 * @param category the data category disposed of
 * @param action how
 * @param reason why, in words
 * @param subjectRefs the subjects' keyed references, distinct, at least one
 * @param recordCount how many records (an anchor for a whole subject counts as one)
 * @param disposedAt when
 * @param auditEntry id of the audit entry of this batch ({@code AuditTrail.recordsOf} finds its record;
 *                   for acts written before schema v4, the record's sequence)
 */
public record ActEntry(int number, PolicyId policyId, PurposeId purpose, CategoryId category, DisposalAction action,
                       String reason, List<KeyedHash> subjectRefs, int recordCount, Instant disposedAt,
                       long auditEntry) {
    /**
     * @throws NullPointerException if an argument or a subject reference is null
     * @throws IllegalArgumentException if a count or the number is not positive, or no subject is named
     */
    public ActEntry {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(disposedAt, "disposedAt");
        subjectRefs = List.copyOf(subjectRefs);
        if (number < 1 || recordCount < 1 || subjectRefs.isEmpty() || auditEntry < 1) {
            throw new IllegalArgumentException("an act entry needs a positive number, records, subjects and an audit entry");
        }
    }
}
