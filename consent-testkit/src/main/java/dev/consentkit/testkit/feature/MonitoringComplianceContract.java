package dev.consentkit.testkit.feature;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.rights.SubjectRights;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.compliance.ComplianceReport;
import dev.consentkit.core.compliance.Finding;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.json.ComplianceJson;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.monitor.AlertRule;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access monitoring and the compliance report as a scenario on one storage adapter: a bulk read trips
 * an alert that is stored, audited and found by the report until someone acknowledges it; lapsed
 * consents, old keys and overdue subject requests in the store are found; the report is the same on every store. An adapter's
 * test extends this class and implements {@link #createStorage()} in a few lines.
 *
 * <p><b>Covers</b> access monitoring and the compliance report end to end: {@code AlertStore}, {@code RequestStore} and {@code KeyStore} with the consent ports. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports and those, for every test.
 */
public abstract class MonitoringComplianceContract {
    private static final String START = "2026-03-06T12:00:00Z";
    private MutableClock clock;
    private ConsentStorage storage;
    private final List<MonitoringAlert> heard = new CopyOnWriteArrayList<>();

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        clock = MutableClock.at(START);
        storage = createStorage();
        heard.clear();
    }

    private ConsentKit kit(ConsentStorage over) {
        ConsentKit kit = ConsentKit.builder().catalog(Fixtures.catalog()).storage(over).clock(clock)
                .jurisdiction(Jurisdiction.RU_152FZ) // the fixture studio is in Russia
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        AccessMonitoring.builder(kit).policy(MonitoringPolicy.builder().window(Duration.ofMinutes(15)).maxOpens(3).build())
                .alertListener(heard::add).build();
        return kit;
    }

    private static AccessMonitoring monitoring(ConsentKit kit) {
        return KitContext.of(kit).feature(AccessMonitoring.class).orElseThrow();
    }

    private static ComplianceReport report(ConsentKit kit) {
        return Compliance.builder(kit).keyRotationPeriod(Duration.ofDays(180)).build().report();
    }

    private static void open(ConsentKit kit, String staff, String subject) {
        AuditEvent e = new AuditEvent(KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS), Actor.operator(staff),
                MonitoringPolicy.FIELD_OPENED, Optional.of(kit.subjectRef(SubjectId.of(subject))),
                Optional.of(Fixtures.ORDERS), AuditOutcome.SUCCESS, Optional.of("clients.email"));
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, e));
    }

    private static List<String> checks(ComplianceReport report) {
        return report.findings().stream().map(Finding::check).toList();
    }

    /** Plays the whole scenario on a storage and returns the report at its end, as JSON. */
    private String scenario(ConsentStorage over) {
        ConsentKit kit = kit(over);
        kit.consent(SubjectId.of("client-1"), NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        for (int i = 0; i < 5; i++) {
            open(kit, "anna", "client-" + i);
        }
        SubjectRights.builder(kit).build().receive(SubjectId.of("client-1"), dev.consentkit.core.jurisdiction.RequestType.ACCESS,
                Actor.operator("desk"));
        over.inTransaction(tx -> {
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-1")), KeyGroup.of("contact"), 1, 42, KekId.of("kek-1"),
                    new byte[] {1, 2, 3}, clock.instant()));
            return null;
        });
        clock.advance(Duration.ofDays(400));
        return ComplianceJson.create().writeReport(report(kit));
    }

    @Test
    void aBulkReadTripsAnAlertThatIsStoredAuditedAndReportedUntilAcknowledged() {
        ConsentKit kit = kit(storage);
        assertThat(checks(report(kit))).containsExactly("purpose.retention");

        for (int i = 0; i < 10; i++) {
            open(kit, "anna", "client-" + i);
        }

        assertThat(heard).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRule.OPENS_PER_WINDOW);
            assertThat(a.observed()).isEqualTo(4);
        });
        MonitoringAlert alert = heard.get(0);
        ConsentKit restarted = kit(storage);
        assertThat(monitoring(restarted).unacknowledged(10)).containsExactly(alert);
        assertThat(checks(report(restarted))).containsExactly("purpose.retention", "monitoring.alerts");

        MonitoringAlert done = monitoring(restarted).acknowledge(alert.id(), Actor.operator("dpo"),
                "Anna exported the mailing list for the print shop — ticket 42");

        assertThat(monitoring(kit).find(alert.id())).contains(done);
        assertThat(checks(report(kit))).containsExactly("purpose.retention");
        List<AuditAction> actions = AuditTrail.of(kit).records(1, 100).stream().map(r -> r.event().action()).toList();
        assertThat(actions).containsSubsequence(AccessMonitoring.ALERT_RAISED, AccessMonitoring.ALERT_ACKNOWLEDGED);
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    @Test
    void aUnitThatRollsBackIsNotCountedAndStoresNoAlert() {
        ConsentKit kit = kit(storage);
        for (int i = 0; i < 3; i++) {
            open(kit, "anna", "client-" + i);
        }

        assertThatThrownBy(() -> KitContext.of(kit).storage().inTransaction(tx -> {
            KitContext.of(kit).append(tx, new AuditEvent(clock.instant(), Actor.operator("anna"), MonitoringPolicy.FIELD_OPENED,
                    Optional.empty(), Optional.empty(), AuditOutcome.SUCCESS, Optional.empty()));
            throw new IllegalStateException("host failure");
        })).hasMessage("host failure");

        assertThat(heard).isEmpty();
        assertThat(monitoring(kit).unacknowledged(10)).isEmpty();
        List<AuditRecord> records = AuditTrail.of(kit).records(1, 100);
        assertThat(records).hasSize(3);
    }

    @Test
    void lapsedConsentsAndOldKeysInTheStoreAreFoundAndTheReportIsTheSameOnEveryStore() {
        String here = scenario(storage);
        heard.clear();
        clock = MutableClock.at(START);
        String inMemory = scenario(InMemoryStorage.create());

        assertThat(here).isEqualTo(inMemory);
        assertThat(here).contains("\"check\": \"consent.validity_lapsed\"").contains("\"check\": \"key.rotation\"")
                .contains("\"check\": \"monitoring.alerts\"").contains("\"check\": \"request.overdue\"");
    }
}
