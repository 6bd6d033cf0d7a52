package dev.consentkit.examples.guide;

import dev.consentkit.core.KekId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerFinding;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.monitor.AlertRule;
import dev.consentkit.core.register.NotificationStatus;
import dev.consentkit.core.rights.ErasureOutcome;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Every guide's example runs and does what its page says (the pages show these classes, see DocSnippetsTest). */
class GuideExamplesTest {
    private final HmacKey auditKey = GuideKeys.random();
    private final HmacKey pseudonymKey = GuideKeys.random();

    @Test
    void consentIsGivenNarrowedWithdrawnRestrictedAndReceipted() {
        ConsentGuide.Outcome o = ConsentGuide.run(auditKey, pseudonymKey);

        assertThat(o.sameEntry()).as("a double submit with the same idempotency key").isTrue();
        assertThat(o.afterWithdrawal()).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.WITHDRAWN));
        assertThat(o.project42().isPermitted()).isTrue();
        assertThat(o.project43().isPermitted()).isFalse();
        assertThat(o.restricted()).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.RESTRICTED));
        assertThat(o.audience()).containsOnlyKeys(SubjectId.of("client-1001"), SubjectId.of("client-1002"))
                .allSatisfy((s, d) -> assertThat(d.isPermitted()).isFalse());
        assertThat(o.receiptJson()).contains("\"version\"").contains("piiPrincipalId").doesNotContain("203.0.113.7");
        assertThat(o.historySize()).isEqualTo(2);
    }

    @Test
    void anEditThroughRawSqlIsFoundInTheChainAndInTheLedger() throws Exception {
        AuditGuide.Outcome o = AuditGuide.run(auditKey, pseudonymKey);

        assertThat(o.before().isIntact()).isTrue();
        assertThat(o.ledgerBefore().isIntact()).isTrue();
        assertThat(o.afterEdit()).isInstanceOfSatisfying(AuditVerification.Broken.class,
                b -> assertThat(b.sequence()).isEqualTo(2));
        assertThat(o.ledgerAfterEdit().findings()).extracting(LedgerFinding::ledgerSequence).isNotEmpty();
        assertThat(o.ledgerAfterEdit().isIntact()).isFalse();
    }

    @Test
    void aRequestRunsItsLifecycleAndALateOneIsProvisional() {
        RequestsGuide.Outcome o = RequestsGuide.run(auditKey, pseudonymKey);

        assertThat(o.completed().state()).isEqualTo(RequestState.COMPLETED);
        assertThat(o.completed().currentDue()).isAfter(o.completed().dueAt());
        assertThat(o.provisional().isProvisional()).isTrue();
        assertThat(o.provisional().dueBasis()).isNotEmpty();
        assertThat(o.recomputation().changed()).isEmpty();
        assertThat(o.recomputation().unchanged()).isEqualTo(1);
    }

    @Test
    void aFieldIsSealedFoundOpenedAndShredded() {
        FieldsGuide.Outcome o = FieldsGuide.run(auditKey, pseudonymKey, LocalKeyEncryptionKeys.of(KekId.of("guide-kek"), GuideKeys.random().bytes()),
                GuideKeys.random());

        assertThat(o.stored()).startsWith("ck1.").doesNotContain("anna");
        assertThat(o.opened()).isEqualTo("anna@example.org");
        assertThat(o.found()).contains(SubjectId.of("client-1001"));
        assertThat(o.confirmed()).containsExactly(SubjectId.of("client-1001"));
        assertThat(o.receipt().keysDestroyed()).isEqualTo(1);
        assertThat(o.receipt().indexEntriesRemoved()).isEqualTo(1);
    }

    @Test
    void theFormShownIsTheTextTheConsentPins() throws Exception {
        DocumentsGuide.Outcome o = DocumentsGuide.run(auditKey, pseudonymKey);

        assertThat(o.pinnedSha256()).isEqualTo(o.form().sha256());
        assertThat(o.pinnedSha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(o.form().text().getBytes(StandardCharsets.UTF_8))));
        assertThat(o.form().text()).contains("type=\"checkbox\"").doesNotContain("checked");
        assertThat(o.policy().text()).contains("Studio Lumen LLC");
        assertThat(o.receipt().text()).isNotBlank();
    }

    @Test
    void theRegisterIsCompleteAndTheBreachClocksRun() {
        RegisterGuide.Outcome o = RegisterGuide.run(auditKey, pseudonymKey);

        assertThat(o.register().problems()).isEmpty();
        assertThat(o.markdown()).contains("Order fulfilment");
        assertThat(o.breach().deadlines()).hasSize(3);
        assertThat(o.status()).extracting(NotificationStatus::state)
                .contains(NotificationStatus.State.NOTIFIED_ON_TIME, NotificationStatus.State.PENDING);
    }

    @Test
    void whatIsDueIsDisposedOfWithAnAct() throws Exception {
        RetentionGuide.Outcome o = RetentionGuide.run(auditKey, pseudonymKey);

        assertThat(o.plan().due()).hasSize(1);
        assertThat(o.run().disposed()).isEqualTo(1);
        assertThat(o.ordersLeft()).isEqualTo(1);
        assertThat(o.act().recordCount()).isEqualTo(1);
        assertThat(o.actJson()).contains("Studio CRM").doesNotContain("client-1001");
    }

    @Test
    void aHoldRefusesTheErasureAndOnceLiftedItErases() {
        ErasureGuide.Outcome o = ErasureGuide.run(auditKey, pseudonymKey);

        assertThat(o.export()).contains("Anna Petrova");
        assertThat(o.refused().status()).isEqualTo(ErasureOutcome.Status.REFUSED);
        assertThat(o.erased().failure()).isEmpty();
        assertThat(o.erased().status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(o.clientRowLeft()).isFalse();
    }

    @Test
    void aBookingAndItsConsentCommitAndRollBackTogether() throws Exception {
        DatabaseGuide.Outcome o = DatabaseGuide.run(GuideKeys.h2("database"), auditKey, pseudonymKey);

        assertThat(o.committed().isPermitted()).isTrue();
        assertThat(o.rolledBack()).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.NEVER_GIVEN));
        assertThat(o.clientRows()).isEqualTo(1);
    }

    @Test
    void thirtyOpensRaiseAnAlertThatTheReportShowsUntilAcknowledged() {
        MonitoringGuide.Outcome o = MonitoringGuide.run(auditKey, pseudonymKey);

        assertThat(o.paged()).extracting(a -> a.rule()).contains(AlertRule.OPENS_PER_WINDOW);
        assertThat(o.before().findings()).anySatisfy(f -> assertThat(f.check()).contains("alert"));
        assertThat(o.after().findings()).noneSatisfy(f -> assertThat(f.check()).contains("alert"));
        assertThat(o.markdown()).isNotBlank();
        assertThat(o.json()).startsWith("{");
    }
}
