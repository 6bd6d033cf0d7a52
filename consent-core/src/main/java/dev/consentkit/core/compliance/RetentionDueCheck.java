package dev.consentkit.core.compliance;

import dev.consentkit.core.retention.DueItem;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.PolicyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Data whose retention ran out must have been disposed of. Judged on the engine's dry run: what is due
 * and not held by a legal hold (held data is kept lawfully and not reported).
 */
final class RetentionDueCheck implements ComplianceCheck {
    static final String ID = "retention.overdue";
    private final RetentionEngine engine;

    RetentionDueCheck(RetentionEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public String id() {
        return ID;
    }

    private record Due(int count, Instant oldest) {
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        Map<PolicyId, Due> due = new LinkedHashMap<>();
        for (DueItem i : engine.plan().due()) {
            due.merge(i.policy().id(), new Due(1, i.dueAt()), (a, b) -> new Due(a.count() + b.count(),
                    a.oldest().isBefore(b.oldest()) ? a.oldest() : b.oldest()));
        }
        List<Finding> found = new ArrayList<>();
        due.forEach((policy, d) -> found.add(new Finding(ID, List.of("R-GDPR-3", "R-RU-14", "M15", "M25"),
                Severity.HIGH, "retention policy " + policy,
                d.count() + (d.count() == 1 ? " record" : " records") + " under retention policy " + policy
                        + " passed " + (d.count() == 1 ? "its" : "their") + " retention and "
                        + (d.count() == 1 ? "was" : "were") + " not disposed of, the oldest due at " + d.oldest() + ".",
                "Run the retention engine (retention.run(actor)) now and on a schedule, so each run's "
                        + "destruction act records the disposal; put a legal hold on what must be kept.")));
        return found;
    }
}
