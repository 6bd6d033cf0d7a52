package dev.consentkit.core.compliance;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.audit.LedgerFinding;
import dev.consentkit.core.audit.LedgerVerification;
import java.util.List;

/**
 * The ledger and the projection must be what the audit chain proves: the incremental
 * {@code verifyLedgerSinceLastPoint()} (what it covers and what only the full {@code verifyLedger()}
 * finds is said there).
 */
final class LedgerCheck implements ComplianceCheck {
    static final String ID = "audit.ledger";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        LedgerVerification v = AuditTrail.of(context.kit()).verifyLedgerSinceLastPoint();
        if (v.isIntact()) {
            return List.of();
        }
        LedgerFinding first = v.findings().get(0);
        long total = v.findings().size() + v.moreFindings();
        return List.of(new Finding(ID, List.of("R-GDPR-5", "R-RU-22", "M21"), Severity.HIGH,
                "consent ledger and projection: " + first,
                "The consent ledger or its projection differs from what the audit chain proves (" + total
                        + (total == 1 ? " finding" : " findings") + ", the first: " + first
                        + "), so decisions may rest on edited data.",
                "Run AuditTrail.of(kit).verifyLedger() for the full list, restore the rows from a backup or the ledger's "
                        + "replay, find out who could write to the tables, and treat it as a possible breach."));
    }
}
