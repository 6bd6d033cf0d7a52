package dev.consentkit.core.compliance;

import dev.consentkit.core.purpose.Purpose;
import java.util.ArrayList;
import java.util.List;

/** Every purpose must say how long its data is kept (storage limitation). */
final class RetentionCheck implements ComplianceCheck {
    static final String ID = "purpose.retention";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        List<Finding> found = new ArrayList<>();
        for (Purpose p : context.kit().catalog().purposes()) {
            if (p.retention().isEmpty()) {
                found.add(new Finding(ID, List.of("R-GDPR-3", "M22", "M13"), Severity.HIGH, "purpose " + p.id(),
                        "Purpose " + p.id() + " declares no retention: its data has no storage limit, the register "
                                + "of processing cannot state an erasure time limit (Art. 30(1)(f)) and an access "
                                + "report cannot state the storage period (Art. 15(1)(d)).",
                        "Declare a retention on the purpose, e.g. .retention(RetentionDeclaration.afterEvent("
                                + "Period.ofMonths(24), \"order.closed\")), and let the retention plan dispose of "
                                + "what is due."));
            }
        }
        return found;
    }
}
