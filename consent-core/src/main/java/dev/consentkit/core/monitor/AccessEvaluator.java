package dev.consentkit.core.monitor;

import dev.consentkit.core.Actor;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a {@link MonitoringPolicy} to committed audit entries, principal by principal, and says
 * which alerts they raise. State lives in memory (a restart starts the windows afresh). Thread-safe.
 */
final class AccessEvaluator {
    private final MonitoringPolicy policy;
    private final Actor self;
    private final Map<Actor, PrincipalActivity> activity = new HashMap<>();
    private long evaluated;

    AccessEvaluator(MonitoringPolicy policy, Actor self) {
        this.policy = policy;
        this.self = self;
    }

    synchronized List<MonitoringAlert> evaluate(List<AuditEntry> records) {
        List<MonitoringAlert> alerts = new ArrayList<>();
        for (AuditEntry r : records) {
            AuditEvent e = r.event();
            if (!policy.watches(e.action()) || e.actor().kind() == Actor.Kind.SUBJECT || e.actor().equals(self)) {
                continue;
            }
            PrincipalActivity a = activity.computeIfAbsent(e.actor(), k -> new PrincipalActivity());
            Instant t = e.time();
            if (policy.workingHours().isPresent() && !policy.workingHours().get().contains(t)
                    && a.mayAlert(AlertRule.OUTSIDE_WORKING_HOURS, t, policy.window())) {
                alerts.add(raise(a, AlertRule.OUTSIDE_WORKING_HOURS, r, 1, 0));
            }
            if (e.outcome() == AuditOutcome.DENIED) {
                int inARow = a.denied();
                if (inARow >= policy.maxDenialsInARow()) {
                    alerts.add(raise(a, AlertRule.DENIALS_IN_A_ROW, r, inARow, policy.maxDenialsInARow()));
                    a.resetDenials();
                }
                continue;
            }
            int opens = a.opened(t, e.subjectRef(), policy.window());
            if (opens > policy.maxOpens() && a.mayAlert(AlertRule.OPENS_PER_WINDOW, t, policy.window())) {
                alerts.add(raise(a, AlertRule.OPENS_PER_WINDOW, r, opens, policy.maxOpens()));
            }
            int subjects = a.distinctSubjects();
            if (subjects > policy.maxDistinctSubjects()
                    && a.mayAlert(AlertRule.DISTINCT_SUBJECTS_PER_WINDOW, t, policy.window())) {
                alerts.add(raise(a, AlertRule.DISTINCT_SUBJECTS_PER_WINDOW, r, subjects, policy.maxDistinctSubjects()));
            }
            if (++evaluated % 10_000 == 0) {
                forgetIdle(t);
            }
        }
        return alerts;
    }

    private MonitoringAlert raise(PrincipalActivity a, AlertRule rule, AuditEntry r, int observed, int threshold) {
        a.alerted(rule, r.event().time());
        return new MonitoringAlert(UUID.randomUUID(), rule, r.event().actor(), r.event().time(), observed, threshold,
                r.id(), Optional.empty());
    }

    private void forgetIdle(Instant now) {
        for (Iterator<PrincipalActivity> it = activity.values().iterator(); it.hasNext(); ) {
            if (it.next().idle(now, policy.window())) {
                it.remove();
            }
        }
    }
}
