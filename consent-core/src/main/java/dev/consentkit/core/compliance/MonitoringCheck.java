package dev.consentkit.core.compliance;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.monitor.AccessMonitoring;
import java.util.List;

/** Access to personal data must be watched (detection of unauthorised access). */
final class MonitoringCheck implements ComplianceCheck {
    static final String ID = "monitoring.enabled";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        if (KitContext.of(context.kit()).feature(AccessMonitoring.class).flatMap(AccessMonitoring::policy).isPresent()) {
            return List.of();
        }
        return List.of(new Finding(ID, List.of("R-RU-22", "R-GDPR-4"), Severity.MEDIUM, "access monitoring",
                "Access monitoring is off: bulk reads, reads of many clients and repeated refusals go unnoticed "
                        + "until a leak shows them.",
                "Turn it on at start-up with AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()) (or your "
                        + "own thresholds and working hours) and an AlertListener that reaches a person."));
    }
}
