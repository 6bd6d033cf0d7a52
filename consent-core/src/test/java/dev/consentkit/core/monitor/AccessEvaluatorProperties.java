package dev.consentkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The evaluator's sliding windows and refusal counts agree with a brute-force reading of the same
 * rules on any sequence of openings and refusals: an alert exactly when a window holds one opening or
 * one subject too many (at most once per window and rule), or the refusals in a row reach the limit.
 */
class AccessEvaluatorProperties {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String HEX = "0123456789abcdef";

    record Access(int gapSeconds, int subject, boolean denied) {
    }

    @Provide
    Arbitrary<List<Access>> accesses() {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 4).map(i -> i == 0)).as(Access::new).list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void alertsAgreeWithABruteForceReading(@ForAll("accesses") List<Access> accesses,
                                           @ForAll @IntRange(min = 1, max = 6) int maxOpens,
                                           @ForAll @IntRange(min = 1, max = 4) int maxSubjects,
                                           @ForAll @IntRange(min = 1, max = 4) int maxDenials) {
        MonitoringPolicy policy = MonitoringPolicy.builder().window(WINDOW).maxOpens(maxOpens)
                .maxDistinctSubjects(maxSubjects).maxDenialsInARow(maxDenials).build();
        List<AuditEntry> records = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < accesses.size(); i++) {
            Access a = accesses.get(i);
            t = t.plusSeconds(a.gapSeconds());
            records.add(record(i + 1, t, a));
        }

        List<String> actual = new AccessEvaluator(policy, AccessMonitoring.MONITOR).evaluate(records).stream()
                .map(a -> a.rule() + "@" + a.auditEntry() + "=" + a.observed()).toList();

        assertThat(actual).isEqualTo(bruteForce(records, policy));
    }

    private static List<String> bruteForce(List<AuditEntry> records, MonitoringPolicy policy) {
        List<String> alerts = new ArrayList<>();
        Instant lastOpens = null;
        Instant lastSubjects = null;
        int inARow = 0;
        for (int i = 0; i < records.size(); i++) {
            AuditEvent e = records.get(i).event();
            if (e.outcome() == AuditOutcome.DENIED) {
                if (++inARow >= policy.maxDenialsInARow()) {
                    alerts.add(AlertRule.DENIALS_IN_A_ROW + "@" + (i + 1) + "=" + inARow);
                    inARow = 0;
                }
                continue;
            }
            inARow = 0;
            int opens = 0;
            Set<String> subjects = new HashSet<>();
            for (int j = 0; j <= i; j++) {
                AuditEvent o = records.get(j).event();
                if (o.outcome() != AuditOutcome.DENIED && o.time().isAfter(e.time().minus(WINDOW))) {
                    opens++;
                    subjects.add(o.subjectRef().orElseThrow().value());
                }
            }
            if (opens > policy.maxOpens() && (lastOpens == null || !e.time().isBefore(lastOpens.plus(WINDOW)))) {
                alerts.add(AlertRule.OPENS_PER_WINDOW + "@" + (i + 1) + "=" + opens);
                lastOpens = e.time();
            }
            if (subjects.size() > policy.maxDistinctSubjects()
                    && (lastSubjects == null || !e.time().isBefore(lastSubjects.plus(WINDOW)))) {
                alerts.add(AlertRule.DISTINCT_SUBJECTS_PER_WINDOW + "@" + (i + 1) + "=" + subjects.size());
                lastSubjects = e.time();
            }
        }
        return alerts;
    }

    private static AuditEntry record(long sequence, Instant time, Access a) {
        String ref = String.valueOf(HEX.charAt(a.subject())).repeat(43);
        AuditEvent e = new AuditEvent(time, Actor.operator("anna"), a.denied() ? MonitoringPolicy.FIELD_OPEN_REFUSED
                : MonitoringPolicy.FIELD_OPENED, Optional.of(new KeyedHash(ref)), Optional.empty(),
                a.denied() ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, Optional.empty());
        return new AuditEntry(sequence, e, Optional.empty(), "1".repeat(64));
    }
}
