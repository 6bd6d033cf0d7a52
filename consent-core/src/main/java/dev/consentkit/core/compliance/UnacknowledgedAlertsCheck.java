package dev.consentkit.core.compliance;

import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.monitor.MonitoringAlert;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every monitoring alert must have been looked at and acknowledged. */
final class UnacknowledgedAlertsCheck implements ComplianceCheck {
    static final String ID = "monitoring.alerts";
    private static final int SAMPLE = 1_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ComplianceContext context) {
        record Open(long count, List<MonitoringAlert> sample) {
        }
        // without the alert port nothing can have been raised (monitoring was never built on this storage)
        Open open = KitContext.of(context.kit()).storage().read(tx -> tx.port(AlertStore.class)
                .map(alerts -> new Open(alerts.countUnacknowledged(), alerts.unacknowledged(SAMPLE)))
                .orElse(new Open(0, List.of())));
        if (open.count() == 0) {
            return List.of();
        }
        Set<String> rules = new TreeSet<>();
        open.sample().forEach(a -> rules.add(a.rule().name()));
        return List.of(new Finding(ID, List.of("R-RU-22", "R-GDPR-20"), Severity.HIGH, "monitoring alerts",
                open.count() + (open.count() == 1 ? " monitoring alert is" : " monitoring alerts are")
                        + " not acknowledged, the oldest raised at " + open.sample().get(0).raisedAt() + " (rules: "
                        + String.join(", ", rules) + ").",
                "Look into each (monitoring.unacknowledged(...)); if data left the studio, record a breach; "
                        + "then acknowledge it with what you found (monitoring.acknowledge(id, by, note))."));
    }
}
