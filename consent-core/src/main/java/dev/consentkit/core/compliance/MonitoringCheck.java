package dev.consentkit.core.compliance;

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
        if (context.kit().monitoring().policy().isPresent()) {
            return List.of();
        }
        return List.of(new Finding(ID, List.of("R-RU-22", "R-GDPR-4"), Severity.MEDIUM, "access monitoring",
                "Access monitoring is off: bulk reads, reads of many clients and repeated refusals go unnoticed "
                        + "until a leak shows them.",
                "Turn it on with builder.monitoring(MonitoringPolicy.defaults()) (or your own thresholds and "
                        + "working hours) and register an AlertListener that reaches a person."));
    }
}
