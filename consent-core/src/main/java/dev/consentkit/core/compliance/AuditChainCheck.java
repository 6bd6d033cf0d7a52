package dev.consentkit.core.compliance;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.audit.AuditVerification;
import java.util.List;

/** The audit chain must verify from its first record to its head. */
final class AuditChainCheck implements ComplianceCheck {
    static final String ID = "audit.chain";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        AuditVerification v = AuditTrail.of(context.kit()).verify();
        if (v instanceof AuditVerification.Broken broken) {
            return List.of(new Finding(ID, List.of("R-GDPR-5", "R-RU-22", "M21"), Severity.HIGH,
                    "audit chain at sequence " + broken.sequence(),
                    "The audit chain does not verify: it breaks at sequence " + broken.sequence() + " ("
                            + broken.kind() + "), so the record of who did what can no longer be trusted.",
                    "Compare with a checkpoint kept outside the database (AuditTrail.of(kit).verify(checkpoint)), "
                            + "restore the audit table from a backup, find out who could write to it, and treat "
                            + "it as a possible breach."));
        }
        return List.of();
    }
}
