package dev.consentkit.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verification of the ledger and the projection found ({@code AuditTrail.verifyLedger}).
 *
 * @param findings what was found, at most 100 (in the order found)
 * @param moreFindings how many more were found and not listed
 * @param ledgerRows how many ledger rows were checked against their audit entries
 * @param legacyRows how many of them were written before schema v4 and are checked by replay only
 * @param subjects how many subjects' projections were compared with the replay of their ledger
 * @param next where to continue, when a budget ended the run before its end; empty when complete
 */
public record LedgerVerification(List<LedgerFinding> findings, long moreFindings, long ledgerRows, long legacyRows,
                                 long subjects, Optional<LedgerCursor> next) {
    /** Most findings listed. */
    public static final int MAX_FINDINGS = 100;

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public LedgerVerification {
        findings = List.copyOf(findings);
        Objects.requireNonNull(next, "next");
        if (moreFindings < 0 || ledgerRows < 0 || legacyRows < 0 || subjects < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** @return whether nothing was found */
    public boolean isIntact() {
        return findings.isEmpty();
    }

    /** @return whether the run reached the end (no cursor to continue from) */
    public boolean isComplete() {
        return next.isEmpty();
    }
}
