package dev.consentkit.testkit.feature;

import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.compliance.Compliance;
import static dev.consentkit.testkit.feature.RequestWorld.endOfMoscowDay;
import static dev.consentkit.testkit.feature.RequestWorld.known;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.compliance.Finding;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.rights.DeadlineRecomputation;
import dev.consentkit.core.jurisdiction.InvalidExtensionException;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.rights.RecomputedDeadline;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 152-FZ requests whose deadline reaches a year the shipped calendar has no table for, through the
 * public API, for every storage adapter (R-RU-10, R-RU-11, R-RU-13, R-RU-15, R-RU-16; M12, M16):
 * recorded with a provisional deadline, listed by the compliance report, recomputed once the year's
 * table is loaded - later or earlier, into the past too - audited once however many instances run the
 * recomputation. The 2027 tables are test fixtures ({@code ru-2027-fixture-*.calendar}), not a decree.
 * An adapter's test extends this class and implements {@link #createStorage()}.
 *
 * <p><b>Covers</b> data-subject request deadlines end to end: {@code RequestStore} with the consent ports. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports and {@code RequestStore}, for every test.
 */
public abstract class ProvisionalDeadlineScenarios {
    /** Sunday 20 December 2026, noon in Moscow. */
    private static final Instant SUNDAY_20_DECEMBER = Instant.parse("2026-12-20T09:00:00Z");
    private static final SubjectId ANNA = SubjectId.of("client-anna");
    private static final SubjectId BORIS = SubjectId.of("client-boris");
    private static final Actor DESK = Actor.operator("desk-1");
    private static final Actor CALENDAR = Actor.system("calendar-2027");
    private static final String LATER = "ru-2027-fixture-later.calendar";
    private static final String EARLIER = "ru-2027-fixture-earlier.calendar";
    private static final String REASON = "The export covers 14 projects; checking them needs more time";

    private RequestWorld world;
    private MutableClock clock;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        world = new RequestWorld(createStorage(), SUNDAY_20_DECEMBER);
        clock = world.clock();
    }

    private ConsentKit kit(Jurisdiction jurisdiction) {
        return world.kit(jurisdiction);
    }

    /** @return the 152-FZ profile with a 2027 table (a test fixture) added, as a host adds the decree's */
    private ConsentKit kitWith2027(String fixture) {
        return kit(Jurisdiction.RU_152FZ.withCalendar(YearlyWorkingDayCalendar.russia()
                .withTable(Fixtures.calendarFixture(fixture))));
    }

    private static List<AuditRecord> recomputations(ConsentKit kit) {
        return AuditTrail.of(kit).records(1, 10_000).stream()
                .filter(r -> r.event().action().equals(SubjectRights.DEADLINE_RECOMPUTED)).toList();
    }

    private static List<Finding> findings(ConsentKit kit, String check) {
        return Compliance.builder(kit).build().report().findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    // ---- receipt ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: due {1}, provisional {2}")
    @CsvSource({
            // R-RU-10, R-RU-16: 10 working days reach 2027, which has no table
            "ACCESS,        2027-01-12, true",
            "PORTABILITY,   2027-01-12, true",
            "OBJECTION,     2027-01-12, true",
            // R-RU-11, R-RU-13: 7 and 3 working days end in 2026
            "RECTIFICATION, 2026-12-29, false",
            "ERASURE,       2026-12-29, false",
            "RESTRICTION,   2026-12-23, false",
            // R-RU-15: 30 calendar days
            "WITHDRAWAL,    2027-01-19, false",
    })
    void aRequestReceivedOn20December2026IsRecordedWithItsDeadline(RequestType type, String due, boolean provisional) {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);

        SubjectRequest r = SubjectRights.builder(kit).build().receive(ANNA, type, DESK);

        assertThat(r.dueAt()).isEqualTo(endOfMoscowDay(due));
        assertThat(r.isProvisional()).isEqualTo(provisional);
        assertThat(r.dueBasis().stream().anyMatch(CalendarSource::isProvisional)).isEqualTo(provisional);
        assertThat(SubjectRights.builder(kit).build().find(r.id())).contains(r);
        assertThat(SubjectRights.builder(kit).build().requests(ANNA)).containsExactly(r);
        assertThat(SubjectRights.builder(kit).build().provisional()).extracting(SubjectRequest::id)
                .isEqualTo(provisional ? List.of(r.id()) : List.of());
        assertThat(AuditTrail.of(kit).records(1, 10_000)).last()
                .satisfies(rec -> assertThat(rec.event().action()).isEqualTo(RequestState.RECEIVED.auditAction()));
    }

    @ParameterizedTest(name = "received {0}")
    @CsvSource({"2027-01-01", "2027-01-11", "2027-06-15", "2027-12-31", "2031-02-28", "2050-05-09", "2100-12-31"})
    void a152FzRequestReceivedIn2027OrLaterIsRecordedWithADeadline(LocalDate day) {
        // the "done when": every type, every store, any date of 2027 or later
        clock.set(day.atTime(12, 0).atZone(RequestWorld.MOSCOW).toInstant());
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        for (RequestType type : RequestType.values()) {
            SubjectRequest r = SubjectRights.builder(kit).build().receive(ANNA, type, DESK);
            assertThat(r.dueAt()).as("%s", type).isAfter(r.receivedAt());
            assertThat(r.isProvisional()).as("%s", type).isEqualTo(type != RequestType.WITHDRAWAL);
            assertThat(SubjectRights.builder(kit).build().find(r.id())).contains(r);
        }
        assertThat(SubjectRights.builder(kit).build().requests(ANNA)).hasSize(RequestType.values().length);
    }

    @Test
    void theComplianceReportListsProvisionalDeadlinesAndFromDecemberTheMissingTable() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRequest r = SubjectRights.builder(kit).build().receive(ANNA, RequestType.ACCESS, DESK);

        assertThat(findings(kit, "request.provisional_deadline")).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo("calendar ru 2027");
            assertThat(f.problem()).contains(r.id().toString()).contains("1 open request").doesNotContain(ANNA.value());
            assertThat(f.requirements()).contains("R-RU-10", "M12");
        });
        assertThat(findings(kit, "calendar.table_missing")).singleElement()
                .satisfies(f -> assertThat(f.target()).isEqualTo("working-day calendar 2027"));

        clock.set(Instant.parse("2026-11-30T20:00:00Z")); // 23:00 on 30 November in Moscow
        assertThat(findings(kit, "calendar.table_missing")).as("before 1 December in Moscow").isEmpty();
        clock.set(Instant.parse("2026-11-30T21:00:00Z")); // midnight: 1 December in Moscow
        assertThat(findings(kit, "calendar.table_missing")).hasSize(1);

        ConsentKit with2027 = kitWith2027(LATER);
        SubjectRights.builder(with2027).build().recomputeProvisionalDeadlines(CALENDAR);
        assertThat(findings(with2027, "request.provisional_deadline")).isEmpty();
        assertThat(findings(with2027, "calendar.table_missing")).isEmpty();
    }

    // ---- recomputation --------------------------------------------------------------------------------

    @Test
    void theYearsTableRecomputesTheDeadlineAuditsItOnceAndARerunChangesNothing() {
        ConsentKit before = kit(Jurisdiction.RU_152FZ);
        known(before, ANNA);
        known(before, BORIS);
        SubjectRequest access = SubjectRights.builder(before).build().receive(ANNA, RequestType.ACCESS, DESK);
        SubjectRequest erasure = SubjectRights.builder(before).build().receive(ANNA, RequestType.ERASURE, DESK);
        SubjectRequest closed = SubjectRights.builder(before).build().receive(BORIS, RequestType.ACCESS, DESK);
        SubjectRights.builder(before).build().refuse(closed.id(), "identity could not be verified", DESK);
        assertThat(SubjectRights.builder(before).build().recomputeProvisionalDeadlines(CALENDAR))
                .as("without the table nothing changes").isEqualTo(new DeadlineRecomputation(List.of(), 1, 0));
        long auditBefore = AuditTrail.of(before).records(1, 10_000).size();

        ConsentKit after = kitWith2027(LATER);
        DeadlineRecomputation run = SubjectRights.builder(after).build().recomputeProvisionalDeadlines(CALENDAR);

        // R-RU-10: the fixture moves a January day off to Monday 11 January: one working day later
        assertThat(run.changed()).containsExactly(new RecomputedDeadline(access.id(), RequestType.ACCESS,
                endOfMoscowDay("2027-01-12"), endOfMoscowDay("2027-01-13"), Optional.empty(), Optional.empty(), false));
        assertThat(run.unchanged()).isZero();
        assertThat(run.skipped()).isZero();
        assertThat(run.movedEarlier()).isEmpty();
        SubjectRequest stored = SubjectRights.builder(after).build().find(access.id()).orElseThrow();
        assertThat(stored.dueAt()).isEqualTo(endOfMoscowDay("2027-01-13"));
        assertThat(stored.isProvisional()).isFalse();
        assertThat(stored.dueBasis()).hasSize(2).allMatch(s -> s instanceof CalendarSource.Table);
        assertThat(stored.history()).isEqualTo(access.history());
        assertThat(SubjectRights.builder(after).build().find(erasure.id())).as("an official deadline stays").contains(erasure);
        assertThat(SubjectRights.builder(after).build().find(closed.id()).orElseThrow().isProvisional()).as("a closed request stays").isTrue();

        assertThat(AuditTrail.of(after).records(1, 10_000)).hasSize((int) auditBefore + 1);
        assertThat(recomputations(after)).singleElement().satisfies(rec -> {
            assertThat(rec.event().actor()).isEqualTo(CALENDAR);
            assertThat(rec.event().subjectRef()).contains(after.subjectRef(ANNA));
            assertThat(rec.event().reference()).contains(access.id() + " due " + endOfMoscowDay("2027-01-12") + " "
                    + endOfMoscowDay("2027-01-13"));
            assertThat(rec.toString()).doesNotContain(ANNA.value());
        });

        assertThat(SubjectRights.builder(after).build().recomputeProvisionalDeadlines(CALENDAR))
                .isEqualTo(new DeadlineRecomputation(List.of(), 0, 0));
        assertThat(SubjectRights.builder(before).build().recomputeProvisionalDeadlines(CALENDAR))
                .as("an instance still without the table does not undo it").isEqualTo(new DeadlineRecomputation(List.of(), 0, 0));
        assertThat(SubjectRights.builder(after).build().find(access.id())).contains(stored);
        assertThat(recomputations(after)).hasSize(1);
        assertThat(AuditTrail.of(after).verify().isIntact()).isTrue();
    }

    @Test
    void theOfficialTableMayMoveTheDeadlineEarlierEvenIntoThePast() {
        ConsentKit before = kit(Jurisdiction.RU_152FZ);
        known(before, ANNA);
        SubjectRequest r = SubjectRights.builder(before).build().receive(ANNA, RequestType.ACCESS, DESK);
        SubjectRights.builder(before).build().verifyIdentity(r.id(), DESK);
        SubjectRights.builder(before).build().start(r.id(), DESK);
        clock.set(Instant.parse("2027-01-12T09:00:00Z")); // noon on the provisional due day
        assertThat(SubjectRights.builder(before).build().overdue()).isEmpty();

        ConsentKit after = kitWith2027(EARLIER);
        DeadlineRecomputation run = SubjectRights.builder(after).build().recomputeProvisionalDeadlines(CALENDAR);

        // the fixture makes Saturday 9 January a working day: due Monday 11 January, already past
        assertThat(run.movedEarlier()).singleElement().satisfies(c -> {
            assertThat(c.request()).isEqualTo(r.id());
            assertThat(c.newDueAt()).isEqualTo(endOfMoscowDay("2027-01-11")).isBefore(clock.instant());
        });
        assertThat(SubjectRights.builder(after).build().overdue()).extracting(SubjectRequest::id).containsExactly(r.id());
        assertThat(findings(after, "request.overdue")).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains(endOfMoscowDay("2027-01-11").toString()));
        assertThatThrownBy(() -> SubjectRights.builder(after).build().extend(r.id(), LegalPeriod.workingDays(5), REASON, DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("fell due");
        assertThat(SubjectRights.builder(after).build().complete(r.id(), "export sent", DESK).state()).isEqualTo(RequestState.COMPLETED);
    }

    @Test
    void anExtendedProvisionalDeadlineIsRecomputedWithTheExtensionItsStepRecorded() {
        ConsentKit before = kit(Jurisdiction.RU_152FZ);
        known(before, ANNA);
        SubjectRights rights = SubjectRights.builder(before).build();
        SubjectRequest access = rights.receive(ANNA, RequestType.ACCESS, DESK);
        SubjectRequest objection = rights.receive(ANNA, RequestType.OBJECTION, DESK);
        for (SubjectRequest r : List.of(access, objection)) {
            rights.verifyIdentity(r.id(), DESK);
            rights.start(r.id(), DESK);
        }
        SubjectRequest extended = rights.extend(access.id(), LegalPeriod.workingDays(5), REASON, DESK);
        SubjectRequest shorter = rights.extend(objection.id(), LegalPeriod.workingDays(3), REASON, DESK);
        assertThat(extended.extendedDueAt()).contains(endOfMoscowDay("2027-01-19"));
        assertThat(extended.isProvisional()).isTrue();
        assertThat(extended.lastStep().extendedBy()).contains(LegalPeriod.workingDays(5));
        assertThat(rights.find(access.id())).contains(extended);
        assertThat(shorter.extendedDueAt()).contains(endOfMoscowDay("2027-01-15"));

        ConsentKit after = kitWith2027(LATER);
        DeadlineRecomputation run = SubjectRights.builder(after).build().recomputeProvisionalDeadlines(CALENDAR);

        assertThat(run.changed()).containsExactlyInAnyOrder(
                new RecomputedDeadline(access.id(), RequestType.ACCESS, endOfMoscowDay("2027-01-12"),
                        endOfMoscowDay("2027-01-13"), Optional.of(endOfMoscowDay("2027-01-19")),
                        Optional.of(endOfMoscowDay("2027-01-20")), false),
                new RecomputedDeadline(objection.id(), RequestType.OBJECTION, endOfMoscowDay("2027-01-12"),
                        endOfMoscowDay("2027-01-13"), Optional.of(endOfMoscowDay("2027-01-15")),
                        Optional.of(endOfMoscowDay("2027-01-18")), false));
        SubjectRequest stored = SubjectRights.builder(after).build().find(access.id()).orElseThrow();
        assertThat(stored.currentDue()).isEqualTo(endOfMoscowDay("2027-01-20"));
        RequestStep step = stored.extension().orElseThrow();
        assertThat(step.dueAt()).as("the step keeps the due time it set").contains(endOfMoscowDay("2027-01-19"));
        assertThat(step.extendedBy()).contains(LegalPeriod.workingDays(5));
        assertThat(recomputations(after)).extracting(rec -> rec.event().reference().orElseThrow())
                .contains(access.id() + " due " + endOfMoscowDay("2027-01-12") + " " + endOfMoscowDay("2027-01-13"),
                        access.id() + " extended-due " + endOfMoscowDay("2027-01-19") + " " + endOfMoscowDay("2027-01-20"))
                .hasSize(4);
        assertThat(SubjectRights.builder(after).build().complete(access.id(), "export sent", DESK).currentDue())
                .isEqualTo(endOfMoscowDay("2027-01-20"));
    }

    @Test
    void severalInstancesRecomputingAtOnceApplyAndAuditEachChangeOnce() throws Exception {
        ConsentKit before = kit(Jurisdiction.RU_152FZ);
        List<RequestId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SubjectId client = SubjectId.of("client-" + i);
            known(before, client);
            ids.add(SubjectRights.builder(before).build().receive(client, RequestType.ACCESS, DESK).id());
        }
        List<ConsentKit> instances = List.of(kitWith2027(LATER), kitWith2027(LATER), kitWith2027(LATER));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        List<DeadlineRecomputation> runs = new ArrayList<>();
        try {
            List<Future<DeadlineRecomputation>> futures = new ArrayList<>();
            for (ConsentKit instance : instances) {
                Callable<DeadlineRecomputation> run = () -> {
                    start.await();
                    return SubjectRights.builder(instance).build().recomputeProvisionalDeadlines(CALENDAR);
                };
                futures.add(pool.submit(run));
            }
            start.countDown();
            for (Future<DeadlineRecomputation> f : futures) {
                runs.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<RequestId> changed = runs.stream().flatMap(r -> r.changed().stream()).map(RecomputedDeadline::request).toList();
        assertThat(changed).as("each change applied by exactly one instance").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(recomputations(instances.get(0))).as("and audited once").hasSize(ids.size());
        for (RequestId id : ids) {
            SubjectRequest r = SubjectRights.builder(instances.get(0)).build().find(id).orElseThrow();
            assertThat(r.dueAt()).isEqualTo(endOfMoscowDay("2027-01-13"));
            assertThat(r.isProvisional()).isFalse();
        }
        assertThat(AuditTrail.of(instances.get(0)).verify().isIntact()).isTrue();
    }
}
