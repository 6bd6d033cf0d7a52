package dev.consentkit.core.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard compliance checks, and the runner that turns checks into a {@link ComplianceReport}.
 * Thread-safe.
 */
public final class ComplianceChecks {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceChecks.class);
    private ComplianceChecks() {
    }

    /**
     * @return the standard checks, in report order: the kit's jurisdiction fits the controller's
     *         country ({@code kit.jurisdiction}: a controller in Russia runs 152-FZ), retention declared, current notices, consents on
     *         outdated notices, lapsed validity, audit chain, ledger and projection against the chain
     *         (incremental), key rotation, master keys within their bounds ({@code key.master}: wraps
     *         per master key against its random-nonce bound, keys under a smaller key than
     *         recommended), encryption and MFA of
     *         sensitive categories, monitoring on, alerts acknowledged, subject requests answered on
     *         time, provisional request deadlines, the working-day calendar's tables for this year and
     *         (from 1 December) the next, breach notifications sent on time
     */
    public static List<ComplianceCheck> standard() {
        return List.of(new JurisdictionCheck(), new RetentionCheck(), new NoticeCurrentCheck(), new OutdatedNoticeCheck(),
                new LapsedValidityCheck(), new AuditChainCheck(), new LedgerCheck(), new KeyRotationCheck(),
                new MasterKeyCheck(),
                new SensitiveEncryptionCheck(), new SensitiveMfaCheck(), new MonitoringCheck(),
                new UnacknowledgedAlertsCheck(), new OverdueRequestsCheck(), new ProvisionalDeadlinesCheck(),
                new CalendarYearCheck(), new OverdueBreachNotificationsCheck());
    }

    /**
     * Data whose retention ran out and that was not disposed of, judged on the engine's dry run (what a
     * legal hold keeps is not reported). The engine is built from the kit, so the kit cannot hold this
     * check: add it to a run, {@code Compliance.builder(kit).check(ComplianceChecks.retentionDue(engine)).build()}.
     *
     * @param engine the host's retention engine over this kit
     * @return the check {@code retention.overdue}
     */
    public static ComplianceCheck retentionDue(dev.consentkit.core.retention.RetentionEngine engine) {
        return new RetentionDueCheck(engine);
    }

    /**
     * Runs checks in order. A check that throws becomes a finding that it could not run (with the
     * exception's type only: a message might carry data).
     */
    static ComplianceReport run(ComplianceContext context, List<ComplianceCheck> checks) {
        Instant now = context.now();
        List<String> ran = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (ComplianceCheck check : checks) {
            Objects.requireNonNull(check, "check");
            ran.add(check.id());
            try {
                findings.addAll(check.run(context));
            } catch (RuntimeException e) {
                LOG.error("compliance check {} could not run", check.id(), e);
                findings.add(new Finding("compliance.check_failed", List.of("R-GDPR-5"), Severity.HIGH,
                        "check " + check.id(),
                        "Check " + check.id() + " could not run (" + e.getClass().getSimpleName() + "), so its "
                                + "part of compliance is unknown.",
                        "Find the cause in the host's logs, fix it and run the report again."));
            }
        }
        return new ComplianceReport(now, ran, findings);
    }
}
