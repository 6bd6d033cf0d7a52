package dev.consentkit.core.monitor;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Access monitoring (seed: "monitor attempts to access protected data and react to suspicious
 * activity before a leak"; R-RU-22 detection of unauthorised access, R-GDPR-20): each threshold driven
 * with a fixed clock, alerts stored, audited, heard and acknowledged.
 */
class AccessMonitoringTest {
    private static final String MONDAY_10 = "2026-03-02T10:00:00Z";

    @Test
    void moreOpeningsInTheWindowThanAllowedRaiseOneAlertPerWindow() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().window(Duration.ofMinutes(10))
                .maxOpens(3).maxDistinctSubjects(1_000).build());

        for (int i = 0; i < 3; i++) {
            w.open("anna", "client-" + i);
            w.after(Duration.ofMinutes(1));
        }
        assertThat(w.heard).isEmpty();
        AuditEntry fourth = w.open("anna", "client-3");

        assertThat(w.heard).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRule.OPENS_PER_WINDOW);
            assertThat(a.principal()).isEqualTo(Actor.operator("anna"));
            assertThat(a.observed()).isEqualTo(4);
            assertThat(a.threshold()).isEqualTo(3);
            assertThat(a.auditEntry()).isEqualTo(fourth.id());
            assertThat(a.raisedAt()).isEqualTo(fourth.event().time());
        });
        w.open("anna", "client-4");
        w.open("anna", "client-5");
        assertThat(w.heard).as("at most one alert per rule and window").hasSize(1);

        w.after(Duration.ofMinutes(11));
        for (int i = 0; i < 4; i++) {
            w.open("anna", "client-" + i);
        }
        assertThat(w.heard).hasSize(2);
        assertThat(w.stored()).containsExactlyElementsOf(w.heard);
    }

    @Test
    void openingsSpreadWiderThanTheWindowRaiseNothing() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().window(Duration.ofMinutes(10))
                .maxOpens(3).maxDistinctSubjects(1_000).build());

        for (int i = 0; i < 20; i++) {
            w.open("anna", "client-1");
            w.after(Duration.ofMinutes(4)); // at most 3 inside any 10 minutes: t, t+4, t+8
        }

        assertThat(w.heard).isEmpty();
        assertThat(w.stored()).isEmpty();
    }

    @Test
    void thresholdsAreCountedPerPrincipal() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(3).build());

        for (int i = 0; i < 3; i++) {
            w.open("anna", "client-" + i);
            w.open("bob", "client-" + i);
        }

        assertThat(w.heard).isEmpty();
        w.open("bob", "client-9");
        assertThat(w.heard).singleElement().extracting(MonitoringAlert::principal).isEqualTo(Actor.operator("bob"));
    }

    @Test
    void tooManyDistinctSubjectsInTheWindowRaiseAnAlertButRepeatsOfOneSubjectDoNot() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().window(Duration.ofMinutes(30))
                .maxOpens(1_000).maxDistinctSubjects(2).build());

        for (int i = 0; i < 50; i++) {
            w.open("anna", "client-1");
        }
        w.open("anna", "client-2");
        assertThat(w.heard).isEmpty();

        w.after(Duration.ofMinutes(29));
        w.open("anna", "client-3");

        assertThat(w.heard).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRule.DISTINCT_SUBJECTS_PER_WINDOW);
            assertThat(a.observed()).isEqualTo(3);
            assertThat(a.threshold()).isEqualTo(2);
        });
    }

    @Test
    void subjectsThatLeftTheWindowAreNotCounted() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().window(Duration.ofMinutes(30))
                .maxOpens(1_000).maxDistinctSubjects(2).build());

        w.open("anna", "client-1");
        w.open("anna", "client-2");
        w.after(Duration.ofMinutes(30));
        w.open("anna", "client-3");
        w.open("anna", "client-4");

        assertThat(w.heard).isEmpty();
    }

    @Test
    void refusalsInARowRaiseAnAlertAndASuccessStartsTheCountAgain() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxDenialsInARow(3).build());

        w.refuse("anna", "client-1");
        w.refuse("anna", "client-2");
        w.open("anna", "client-3");
        w.refuse("anna", "client-4");
        w.refuse("anna", "client-5");
        assertThat(w.heard).isEmpty();

        w.refuse("anna", "client-6");

        assertThat(w.heard).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRule.DENIALS_IN_A_ROW);
            assertThat(a.observed()).isEqualTo(3);
            assertThat(a.threshold()).isEqualTo(3);
        });
        w.refuse("anna", "client-7");
        w.refuse("anna", "client-8");
        assertThat(w.heard).as("the count starts again after an alert").hasSize(1);
        w.refuse("anna", "client-9");
        assertThat(w.heard).hasSize(2);
    }

    @ParameterizedTest(name = "{0} -> outside working hours: {1}")
    @CsvSource({
            "2026-03-06T05:59:00Z, true",  // Friday 08:59 in Moscow
            "2026-03-06T06:00:00Z, false", // Friday 09:00
            "2026-03-06T14:59:59Z, false", // Friday 17:59:59
            "2026-03-06T15:00:00Z, true",  // Friday 18:00: the breach-notification classic
            "2026-03-07T08:00:00Z, true",  // Saturday 11:00
            "2026-03-09T06:30:00Z, false", // Monday 09:30
            "2026-03-08T21:30:00Z, true",  // Monday 00:30: a working day, but before the span
    })
    void anAccessOutsideWorkingHoursRaisesAnAlert(String at, boolean outside) {
        WorkingHours hours = WorkingHours.weekdays(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(18, 0));
        MonitoringWorld w = new MonitoringWorld(at, MonitoringPolicy.builder().workingHours(hours).build());

        w.open("anna", "client-1");

        if (outside) {
            assertThat(w.heard).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo(AlertRule.OUTSIDE_WORKING_HOURS);
                assertThat(a.observed()).isEqualTo(1);
                assertThat(a.threshold()).isZero();
            });
        } else {
            assertThat(w.heard).isEmpty();
        }
    }

    @ParameterizedTest(name = "night shift 22:00-06:00, {0} -> inside: {1}")
    @CsvSource({
            "2026-03-02T22:00:00Z, true",  // Monday 22:00 UTC
            "2026-03-03T05:59:00Z, true",  // Tuesday 05:59, shift begun Monday
            "2026-03-03T06:00:00Z, false",
            "2026-03-02T12:00:00Z, false",
            "2026-03-07T23:00:00Z, false", // Saturday night: not a working day
            "2026-03-07T01:00:00Z, true",  // Saturday 01:00, shift begun Friday
            "2026-03-08T01:00:00Z, false", // Sunday 01:00, begun Saturday
    })
    void workingHoursMaySpanMidnight(String at, boolean inside) {
        WorkingHours night = WorkingHours.weekdays(ZoneId.of("UTC"), LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThat(night.contains(java.time.Instant.parse(at))).isEqualTo(inside);
    }

    @Test
    void anAlertIsStoredAuditedAndAcknowledgedOnce() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1).build());
        w.open("anna", "client-1");
        w.open("anna", "client-2");
        MonitoringAlert alert = w.heard.get(0);

        List<AuditRecord> audit = AuditTrail.of(w.kit).records(1, 100);
        assertThat(audit).last().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo(AccessMonitoring.ALERT_RAISED);
            assertThat(r.event().actor()).isEqualTo(AccessMonitoring.MONITOR);
            assertThat(r.event().reference()).contains(alert.id().toString());
            assertThat(r.event().subjectRef()).isEmpty();
        });

        w.after(Duration.ofHours(2));
        MonitoringAlert acknowledged = w.monitoring.acknowledge(alert.id(), Actor.operator("dpo"),
                "Anna prepared the mailing list, ticket 42");

        assertThat(acknowledged.acknowledgement()).hasValueSatisfying(a -> {
            assertThat(a.by()).isEqualTo(Actor.operator("dpo"));
            assertThat(a.at()).isEqualTo(w.clock.instant());
        });
        assertThat(w.monitoring.find(alert.id())).contains(acknowledged);
        assertThat(w.stored()).isEmpty();
        assertThat(AuditTrail.of(w.kit).records(1, 100)).last().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo(AccessMonitoring.ALERT_ACKNOWLEDGED);
            assertThat(r.event().actor()).isEqualTo(Actor.operator("dpo"));
            assertThat(r.event().reference()).contains(alert.id().toString());
        });
        assertThat(AuditTrail.of(w.kit).verify().isIntact()).isTrue();
    }

    @Test
    void badAcknowledgementsAreRefusedAndNothingIsStored() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1).build());
        w.open("anna", "client-1");
        w.open("anna", "client-2");
        MonitoringAlert alert = w.heard.get(0);
        long auditSize = AuditTrail.of(w.kit).verify() instanceof dev.consentkit.core.audit.AuditVerification.Intact i
                ? i.records() : -1;

        assertThatThrownBy(() -> w.monitoring.acknowledge(java.util.UUID.randomUUID(), Actor.operator("dpo"), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no monitoring alert");
        assertThatThrownBy(() -> w.monitoring.acknowledge(alert.id(), Actor.operator("dpo"), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note");
        assertThatThrownBy(() -> w.monitoring.acknowledge(alert.id(), Actor.operator("dpo"), "x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(w.stored()).containsExactly(alert);
        assertThat(AuditTrail.of(w.kit).records(1, 100)).hasSize((int) auditSize);

        w.monitoring.acknowledge(alert.id(), Actor.operator("dpo"), "looked");
        assertThatThrownBy(() -> w.monitoring.acknowledge(alert.id(), Actor.operator("dpo"), "again"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("acknowledged already");
    }

    @Test
    void otherActionsAndTheSubjectsOwnAccessAreNotWatchedUnlessNamed() {
        AuditAction export = new AuditAction("subject.exported");
        MonitoringWorld plain = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1).build());
        MonitoringWorld watching = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1)
                .watch(export).build());

        for (MonitoringWorld w : List.of(plain, watching)) {
            for (int i = 0; i < 5; i++) {
                w.access("anna", "client-" + i, export, AuditOutcome.SUCCESS);
                w.kit.consent(SubjectId.of("client-" + i), Fixtures.NEWSLETTER)
                        .evidence(w.kit.evidence(dev.consentkit.core.consent.CollectionMethod.PAPER_FORM)
                                .recordedBy(Actor.operator("anna")).build()).give();
            }
        }

        assertThat(plain.heard).isEmpty();
        assertThat(watching.heard).singleElement().extracting(MonitoringAlert::rule).isEqualTo(AlertRule.OPENS_PER_WINDOW);
    }

    @Test
    void aUnitOfWorkThatRollsBackIsNeverHeard() {
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1).build());
        w.open("anna", "client-1");

        assertThatThrownBy(() -> KitContext.of(w.kit).storage().inTransaction(tx -> {
            KitContext.of(w.kit).append(tx, new dev.consentkit.core.audit.AuditEvent(w.clock.instant(), Actor.operator("anna"),
                    MonitoringPolicy.FIELD_OPENED, Optional.empty(), Optional.empty(), AuditOutcome.SUCCESS,
                    Optional.empty()));
            throw new IllegalStateException("host failure");
        })).hasMessage("host failure");

        assertThat(w.heard).isEmpty();
        w.open("anna", "client-2");
        assertThat(w.heard).singleElement().extracting(MonitoringAlert::observed).isEqualTo(2);
    }

    @Test
    void auditListenersHearEveryCommittedEntryOnceInOrder() {
        List<AuditEntry> heard = new ArrayList<>();
        ConsentKit kit = ConsentKit.builder().catalog(Fixtures.catalog()).storage(InMemoryStorage.create())
                .clock(dev.consentkit.testkit.fixtures.MutableClock.at(MONDAY_10))
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .auditListener(heard::addAll).auditListener(r -> {
                    throw new IllegalStateException("a broken listener changes nothing");
                }).build();

        kit.consent(SubjectId.of("c1"), Fixtures.NEWSLETTER)
                .evidence(kit.evidence(dev.consentkit.core.consent.CollectionMethod.WEB_CHECKBOX).build()).give();
        kit.restrict(SubjectId.of("c1"), Fixtures.ORDERS, Actor.operator("anna"));
        AuditTrail.of(kit).checkpoint();

        List<AuditRecord> records = AuditTrail.of(kit).records(1, 10);
        assertThat(heard).extracting(AuditEntry::id).containsExactlyElementsOf(records.stream().map(AuditRecord::entryId).toList());
        assertThat(heard).extracting(AuditEntry::event).containsExactlyElementsOf(records.stream().map(AuditRecord::event).toList());
        assertThat(heard).extracting(AuditEntry::ledger).containsExactlyElementsOf(records.stream().map(AuditRecord::ledger).toList());
    }

    @Test
    void anAlertTheStoreCannotKeepIsStillHeardAndTheAccessStands() {
        InMemoryStorage real = InMemoryStorage.create()
                .attach(dev.consentkit.core.monitor.AlertStore.class, new InMemoryAlerts());
        dev.consentkit.core.spi.ConsentStorage refusingAlerts = new dev.consentkit.core.spi.ConsentStorage() {
            @Override
            public <T> T inTransaction(java.util.function.Function<dev.consentkit.core.spi.StorageTransaction, T> work) {
                return real.inTransaction(tx -> work.apply(new dev.consentkit.testkit.fixtures.ForwardingTransaction(tx) {
                    @Override
                    public <P> java.util.Optional<P> port(Class<P> type) {
                        if (type == dev.consentkit.core.monitor.AlertStore.class) {
                            throw new dev.consentkit.core.StorageException("alert table unavailable", null);
                        }
                        return super.port(type);
                    }
                }));
            }

            @Override
            public <T> T read(java.util.function.Function<dev.consentkit.core.spi.StorageTransaction, T> work) {
                return real.read(work);
            }
        };
        MonitoringWorld w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1).build(), refusingAlerts);

        w.open("anna", "client-1");
        AuditEntry second = w.open("anna", "client-2");

        assertThat(w.heard).singleElement().extracting(MonitoringAlert::auditEntry).isEqualTo(second.id());
        assertThat(AuditTrail.of(w.kit).records(1, 10)).hasSize(2);
    }

    @Test
    void theWarningNamesRuleAndStaffButNoSubject() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        MonitoringWorld w;
        try {
            w = new MonitoringWorld(MONDAY_10, MonitoringPolicy.builder().maxOpens(1).build());
            w.open("anna", "client-secret-1");
            w.open("anna", "client-secret-2");
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("WARN").contains("OPENS_PER_WINDOW").contains("OPERATOR:anna")
                .contains(w.heard.get(0).id().toString())
                .doesNotContain("client-secret").doesNotContain(w.kit.subjectRef(SubjectId.of("client-secret-1")).value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "window 59 s   | PT59S | 1 | 1 | 1 | monitoring window",
            "window 25 h   | PT25H | 1 | 1 | 1 | monitoring window",
            "no openings   | PT1H  | 0 | 1 | 1 | maxOpens",
            "too many      | PT1H  | 1000001 | 1 | 1 | maxOpens",
            "no subjects   | PT1H  | 1 | 0 | 1 | maxDistinctSubjects",
            "no denials    | PT1H  | 1 | 1 | 0 | maxDenialsInARow",
    })
    void thresholdsAreValidated(String name, String window, int opens, int subjects, int denials, String message) {
        assertThatThrownBy(() -> MonitoringPolicy.builder().window(Duration.parse(window)).maxOpens(opens)
                .maxDistinctSubjects(subjects).maxDenialsInARow(denials).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void workingHoursAndAlertsAreValidated() {
        ZoneId utc = ZoneId.of("UTC");
        assertThatThrownBy(() -> new WorkingHours(utc, LocalTime.NOON, LocalTime.NOON, EnumSet.of(DayOfWeek.MONDAY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingHours(utc, LocalTime.MIN, LocalTime.NOON, EnumSet.noneOf(DayOfWeek.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working day");
        assertThatThrownBy(() -> new MonitoringPolicy(Duration.ofHours(1), 1, 1, 1, Optional.empty(), java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access action");
        assertThatThrownBy(() -> new MonitoringAlert(java.util.UUID.randomUUID(), AlertRule.OPENS_PER_WINDOW,
                Actor.subject(), java.time.Instant.EPOCH, 1, 1, 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
    }

    @Test
    void withoutAPolicyNothingIsWatchedAndTheStorageIsTheHostsOwn() {
        InMemoryStorage storage = InMemoryStorage.create();
        ConsentKit kit = Fixtures.kit(storage, dev.consentkit.testkit.fixtures.MutableClock.at(MONDAY_10));
        kit.restrict(SubjectId.of("c1"), Fixtures.ORDERS, Actor.operator("anna"));

        assertThat(KitContext.of(kit).storage()).hasToString(storage.toString());
        List<dev.consentkit.core.consent.LedgerEntry> written = storage.read(tx -> Reads.history(tx, SubjectId.of("c1")));
        assertThat(written).hasSize(1);
        AccessMonitoring monitoring = AccessMonitoring.builder(kit).build();
        assertThat(monitoring.policy()).isEmpty();
        assertThat(monitoring.unacknowledged(10)).isEmpty();
        assertThatThrownBy(() -> AccessMonitoring.builder(kit).build())
                .as("one monitoring per kit").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AccessMonitoring already");
    }
}
