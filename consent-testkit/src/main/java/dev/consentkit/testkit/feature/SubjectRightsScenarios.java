package dev.consentkit.testkit.feature;

import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.feature.RequestWorld.endOfMoscowDay;
import static dev.consentkit.testkit.feature.RequestWorld.known;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.rights.DuplicateRequestException;
import dev.consentkit.core.rights.IllegalRequestTransitionException;
import dev.consentkit.core.jurisdiction.InvalidExtensionException;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.jurisdiction.UnknownCalendarYearException;
import dev.consentkit.core.rights.UnknownRequestException;
import dev.consentkit.core.rights.UnknownSubjectException;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Data-subject requests end to end, through {@link SubjectRights}, for every storage adapter: a
 * scenario per request type under each shipped jurisdiction (lifecycle, stored deadlines, audit), and
 * the bad input of the issue (unknown subject, duplicate, extension without reason or past the legal
 * maximum, a calendar year not loaded, illegal steps). An adapter's test extends this class and
 * implements {@link #createStorage()}.
 *
 * <p><b>Covers</b> data-subject requests end to end: {@code RequestStore} and {@code HoldStore} with the consent ports. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports and those, for every test.
 */
public abstract class SubjectRightsScenarios {
    /** 09:00 UTC, 12:00 in Moscow, on Wednesday 24 December 2025: the New Year holidays lie ahead. */
    private static final Instant BEFORE_NEW_YEAR = Instant.parse("2025-12-24T09:00:00Z");
    private static final Instant END_OF_JANUARY = Instant.parse("2026-01-31T10:00:00Z");
    private static final SubjectId ANNA = SubjectId.of("client-anna");
    private static final SubjectId NOBODY = SubjectId.of("client-nobody");
    private static final Actor DESK = Actor.operator("desk-1");
    private static final String REASON = "Many requests this week: the export of 14 projects needs checking";

    private ConsentStorage storage;
    private MutableClock clock;
    private RequestWorld world;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
        world = new RequestWorld(storage, BEFORE_NEW_YEAR);
        clock = world.clock();
    }

    private ConsentKit kit(Jurisdiction jurisdiction) {
        return world.kit(jurisdiction);
    }

    private static long auditCount(ConsentKit kit) {
        return AuditTrail.of(kit).records(1, 10_000).size();
    }

    // ---- a scenario per request type -------------------------------------------------------------

    /** The due day of each type for a request received on 24 December 2025 under 152-FZ. */
    private static final Map<RequestType, String> RU_DUE = Map.of(
            RequestType.ACCESS, "2026-01-19", RequestType.PORTABILITY, "2026-01-19",
            RequestType.OBJECTION, "2026-01-19", RequestType.RECTIFICATION, "2026-01-14",
            RequestType.ERASURE, "2026-01-14", RequestType.RESTRICTION, "2025-12-29",
            RequestType.WITHDRAWAL, "2026-01-23");

    @ParameterizedTest(name = "152-FZ {0}")
    @EnumSource(RequestType.class)
    void russianRequestRunsItsLifecycleAgainstItsStoredDeadline(RequestType type) {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        // R-RU-10, R-RU-11, R-RU-13, R-RU-15, R-RU-16: deadlines over the New Year holidays
        runLifecycle(kit, type, endOfMoscowDay(RU_DUE.get(type)));
    }

    @ParameterizedTest(name = "GDPR {0}")
    @EnumSource(RequestType.class)
    void gdprRequestRunsItsLifecycleAgainstItsStoredDeadline(RequestType type) {
        clock.set(END_OF_JANUARY);
        ConsentKit kit = kit(Jurisdiction.GDPR);
        known(kit, ANNA);
        // R-GDPR-13: received 31 January, due 28 February by the earliest month rule
        runLifecycle(kit, type, Instant.parse("2026-02-28T23:59:59.999999Z"));
    }

    private void runLifecycle(ConsentKit kit, RequestType type, Instant expectedDue) {
        SubjectRights rights = SubjectRights.builder(kit).build();
        long auditBefore = auditCount(kit);
        Instant received = clock.instant();

        SubjectRequest r = rights.receive(ANNA, type, Actor.subject());
        assertThat(r.receivedAt()).isEqualTo(received);
        assertThat(r.dueAt()).isEqualTo(expectedDue);
        assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
        assertThat(r.jurisdiction()).isEqualTo(KitContext.of(kit).jurisdiction().id());
        assertThat(rights.dueWithin(Duration.between(received, expectedDue))).containsExactly(r);
        assertThat(rights.overdue()).isEmpty();

        clock.advance(Duration.ofHours(1));
        rights.verifyIdentity(r.id(), DESK);
        clock.advance(Duration.ofHours(1));
        rights.start(r.id(), DESK);
        Optional<Instant> latest = rights.deadlines().latestExtendedDue(type, received);
        Instant due = expectedDue;
        if (latest.isPresent()) {
            LegalPeriod most = KitContext.of(kit).jurisdiction().deadline(type).extension().orElseThrow();
            SubjectRequest extended = rights.extend(r.id(), most, REASON, DESK);
            assertThat(extended.extendedDueAt()).isEqualTo(latest);
            assertThat(extended.dueAt()).as("the original due time stays").isEqualTo(expectedDue);
            assertThat(extended.lastStep().note()).contains(REASON);
            due = latest.get();
        }
        assertThat(rights.find(r.id()).orElseThrow().currentDue()).isEqualTo(due);
        clock.set(due);
        assertThat(rights.overdue()).as("due at the end of the due day, not before").isEmpty();
        SubjectRequest done = rights.complete(r.id(), "answered: " + type.name().toLowerCase(), DESK);

        assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(done.history()).extracting(RequestStep::state).containsExactlyElementsOf(latest.isPresent()
                ? List.of(RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS,
                        RequestState.EXTENDED, RequestState.COMPLETED)
                : List.of(RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS,
                        RequestState.COMPLETED));
        assertThat(rights.find(r.id())).contains(done);
        assertThat(rights.requests(ANNA)).containsExactly(done);
        clock.advance(Duration.ofDays(1));
        assertThat(rights.overdue()).isEmpty();
        assertThat(rights.dueWithin(Duration.ofDays(365))).isEmpty();

        // every step audited, by subject reference and request id only
        List<AuditRecord> records = AuditTrail.of(kit).records(auditBefore + 1, 100);
        assertThat(records).extracting(rec -> rec.event().action())
                .containsExactlyElementsOf(done.history().stream().map(s -> s.state().auditAction()).toList());
        assertThat(records).allSatisfy(rec -> {
            assertThat(rec.event().subjectRef()).contains(kit.subjectRef(ANNA));
            assertThat(rec.event().reference()).contains(r.id().toString());
            assertThat(rec.event().outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(rec.toString()).doesNotContain(REASON).doesNotContain("answered").doesNotContain(ANNA.value());
        });
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    // ---- receipt ---------------------------------------------------------------------------------

    @Test
    void aRequestForAnUnknownSubjectIsRefusedAndStoresNothing() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        long audit = auditCount(kit);

        assertThatThrownBy(() -> SubjectRights.builder(kit).build().receive(NOBODY, RequestType.ACCESS, DESK))
                .isInstanceOf(UnknownSubjectException.class).hasMessageContaining("ACCESS")
                .message().doesNotContain(NOBODY.value());
        assertThat(SubjectRights.builder(kit).build().requests(NOBODY)).isEmpty();
        assertThat(auditCount(kit)).isEqualTo(audit);
    }

    @Test
    void theHostsDirectoryMakesAContractOnlyClientKnown() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        SubjectRights rights = SubjectRights.builder(kit).directory(NOBODY::equals).build();

        SubjectRequest r = rights.receive(NOBODY, RequestType.ACCESS, DESK);
        assertThat(rights.requests(NOBODY)).containsExactly(r);
        assertThat(SubjectRights.builder(kit).build().find(r.id())).contains(r);
    }

    @Test
    void aSecondOpenRequestOfTheSameTypeIsRefusedUntilTheFirstIsClosed() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest first = rights.receive(ANNA, RequestType.ERASURE, DESK);
        long audit = auditCount(kit);

        assertThatThrownBy(() -> rights.receive(ANNA, RequestType.ERASURE, DESK))
                .isInstanceOf(DuplicateRequestException.class).hasMessageContaining(first.id().toString())
                .satisfies(e -> assertThat(((DuplicateRequestException) e).openRequest()).isEqualTo(first.id()));
        assertThat(auditCount(kit)).isEqualTo(audit);
        SubjectRequest access = rights.receive(ANNA, RequestType.ACCESS, DESK);

        rights.refuse(first.id(), "identity could not be verified", DESK);
        SubjectRequest second = rights.receive(ANNA, RequestType.ERASURE, DESK);
        assertThat(rights.requests(ANNA)).extracting(SubjectRequest::id)
                .containsExactlyInAnyOrder(first.id(), access.id(), second.id());
    }

    @Test
    void aLetterReceivedEarlierCountsFromItsReceiptAndTheFutureIsRefused() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        clock.set(Instant.parse("2026-01-12T07:00:00Z"));

        SubjectRequest r = SubjectRights.builder(kit).build().receive(ANNA, RequestType.ACCESS, BEFORE_NEW_YEAR, DESK);
        assertThat(r.receivedAt()).isEqualTo(BEFORE_NEW_YEAR);
        assertThat(r.dueAt()).isEqualTo(endOfMoscowDay("2026-01-19"));
        assertThatThrownBy(() -> SubjectRights.builder(kit).build().receive(ANNA, RequestType.ERASURE,
                clock.instant().plusSeconds(1), DESK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineInAYearWithoutACalendarTableStoresNothingWhenTheCalendarHasNoProvisionalRule() {
        clock.set(Instant.parse("2026-12-25T09:00:00Z"));
        // R-RU-10: fail closed, as a host that opts out of provisional deadlines asks
        ConsentKit kit = kit(Jurisdiction.RU_152FZ.withCalendar(YearlyWorkingDayCalendar.russia().withoutProvisionalRule()));
        known(kit, ANNA);
        long audit = auditCount(kit);

        assertThatThrownBy(() -> SubjectRights.builder(kit).build().receive(ANNA, RequestType.ACCESS, DESK))
                .isInstanceOf(UnknownCalendarYearException.class).hasMessageContaining("2027");
        assertThat(SubjectRights.builder(kit).build().requests(ANNA)).isEmpty();
        assertThat(auditCount(kit)).isEqualTo(audit);
    }

    @Test
    void dueTimesAreStoredAndNeverRecomputedByAnotherProfile() {
        ConsentKit moscow = kit(Jurisdiction.RU_152FZ);
        known(moscow, ANNA);
        SubjectRequest r = SubjectRights.builder(moscow).build().receive(ANNA, RequestType.ACCESS, DESK);

        ConsentKit vladivostok = kit(Jurisdiction.RU_152FZ.withZone(ZoneId.of("Asia/Vladivostok")));
        assertThat(SubjectRights.builder(vladivostok).build().find(r.id()).orElseThrow().dueAt()).isEqualTo(r.dueAt())
                .isEqualTo(endOfMoscowDay("2026-01-19"));
        clock.set(endOfMoscowDay("2026-01-19").plusSeconds(1));
        assertThat(SubjectRights.builder(vladivostok).build().overdue()).extracting(SubjectRequest::id).containsExactly(r.id());
    }

    // ---- extensions ------------------------------------------------------------------------------

    private SubjectRequest inProgress(SubjectRights rights, RequestType type) {
        SubjectRequest r = rights.receive(ANNA, type, DESK);
        rights.verifyIdentity(r.id(), DESK);
        return rights.start(r.id(), DESK);
    }

    @Test
    void anExtensionNeedsAReasonAndStaysWithinTheLegalMaximum() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest r = inProgress(rights, RequestType.ACCESS);
        long audit = auditCount(kit);

        assertThatThrownBy(() -> rights.extend(r.id(), LegalPeriod.workingDays(5), " ", DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> rights.extend(r.id(), LegalPeriod.workingDays(5), null, DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("reason");
        // R-RU-10: "не более чем на пять рабочих дней"
        assertThatThrownBy(() -> rights.extend(r.id(), LegalPeriod.workingDays(6), REASON, DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("legal maximum");
        assertThatThrownBy(() -> rights.extend(r.id(), LegalPeriod.months(1), REASON, DESK))
                .isInstanceOf(InvalidExtensionException.class);
        assertThat(rights.find(r.id())).contains(r);
        assertThat(auditCount(kit)).isEqualTo(audit);

        SubjectRequest extended = rights.extend(r.id(), LegalPeriod.workingDays(3), REASON, DESK);
        assertThat(extended.extendedDueAt()).contains(endOfMoscowDay("2026-01-22"));
        assertThatThrownBy(() -> rights.extend(r.id(), LegalPeriod.workingDays(2), REASON, DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("once");
    }

    @Test
    void anExtensionComesBeforeTheDueTimeAndOnlyForTypesThatHaveOne() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest rectification = inProgress(rights, RequestType.RECTIFICATION);
        assertThatThrownBy(() -> rights.extend(rectification.id(), LegalPeriod.workingDays(1), REASON, DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("no extension");

        SubjectRequest received = rights.receive(ANNA, RequestType.OBJECTION, DESK);
        assertThatThrownBy(() -> rights.extend(received.id(), LegalPeriod.workingDays(1), REASON, DESK))
                .isInstanceOf(IllegalRequestTransitionException.class).hasMessageContaining("RECEIVED");

        SubjectRequest access = inProgress(rights, RequestType.ACCESS);
        clock.set(access.dueAt().plusSeconds(1));
        assertThatThrownBy(() -> rights.extend(access.id(), LegalPeriod.workingDays(1), REASON, DESK))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("fell due");
        assertThat(rights.overdue()).extracting(SubjectRequest::id).contains(access.id());
    }

    // ---- the rest of the lifecycle ------------------------------------------------------------------

    @Test
    void illegalStepsAreRefusedNamingBothStates() {
        ConsentKit kit = kit(Jurisdiction.GDPR);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest r = rights.receive(ANNA, RequestType.ACCESS, DESK);
        long audit = auditCount(kit);

        assertThatThrownBy(() -> rights.start(r.id(), DESK)).isInstanceOf(IllegalRequestTransitionException.class)
                .hasMessageContaining("RECEIVED").hasMessageContaining("IN_PROGRESS");
        assertThatThrownBy(() -> rights.complete(r.id(), "done", DESK))
                .isInstanceOf(IllegalRequestTransitionException.class);
        rights.verifyIdentity(r.id(), DESK);
        assertThatThrownBy(() -> rights.verifyIdentity(r.id(), DESK))
                .isInstanceOf(IllegalRequestTransitionException.class);
        rights.start(r.id(), DESK);
        rights.complete(r.id(), "export sent", DESK);
        assertThatThrownBy(() -> rights.refuse(r.id(), "late second thoughts", DESK))
                .isInstanceOf(IllegalRequestTransitionException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> rights.complete(r.id(), "again", DESK))
                .isInstanceOf(IllegalRequestTransitionException.class);
        assertThatThrownBy(() -> rights.start(RequestId.random(), DESK)).isInstanceOf(UnknownRequestException.class);
        assertThatThrownBy(() -> rights.complete(r.id(), " ", DESK)).isInstanceOf(IllegalArgumentException.class);
        assertThat(auditCount(kit)).as("only the three legal steps were audited").isEqualTo(audit + 3);
    }

    @Test
    void aRefusalRecordsItsReasonAndTheRightToComplain() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest r = rights.receive(ANNA, RequestType.ERASURE, DESK);

        assertThatThrownBy(() -> rights.refuse(r.id(), "", DESK)).isInstanceOf(IllegalArgumentException.class);
        SubjectRequest refused = rights.refuse(r.id(), "invoices are kept for 5 years under tax law", DESK);
        assertThat(refused.state()).isEqualTo(RequestState.REFUSED);
        assertThat(refused.lastStep().note()).hasValueSatisfying(n -> assertThat(n)
                .contains("invoices are kept").contains("Roskomnadzor").contains("152-FZ Art. 17"));
        assertThat(AuditTrail.of(kit).records(1, 10_000)).last().satisfies(rec -> {
            assertThat(rec.event().action()).isEqualTo(new AuditAction("request.refused"));
            assertThat(rec.toString()).doesNotContain("invoices");
        });
    }

    @Test
    void completingInsideTheCallersUnitOfWorkRollsBackWithIt() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest r = inProgress(rights, RequestType.ERASURE);
        long audit = auditCount(kit);

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            rights.complete(tx, r.id(), "erased", DESK);
            throw new IllegalStateException("a contributor failed halfway");
        })).hasMessageContaining("halfway");
        assertThat(rights.find(r.id()).orElseThrow().state()).as("still open, resumable").isEqualTo(RequestState.IN_PROGRESS);
        assertThat(auditCount(kit)).isEqualTo(audit);

        SubjectRequest done = storage.inTransaction(tx -> rights.complete(tx, r.id(), "erased", DESK));
        assertThat(rights.find(r.id())).contains(done);
    }

    @Test
    void dueWithinAndOverdueListOpenRequestsSoonestFirst() {
        ConsentKit kit = kit(Jurisdiction.RU_152FZ);
        known(kit, ANNA);
        SubjectRights rights = SubjectRights.builder(kit).build();
        SubjectRequest restriction = rights.receive(ANNA, RequestType.RESTRICTION, DESK); // 29 Dec
        SubjectRequest erasure = rights.receive(ANNA, RequestType.ERASURE, DESK);         // 14 Jan
        SubjectRequest access = rights.receive(ANNA, RequestType.ACCESS, DESK);           // 19 Jan
        SubjectRequest withdrawal = rights.receive(ANNA, RequestType.WITHDRAWAL, DESK);   // 23 Jan

        assertThat(rights.dueWithin(Duration.ofDays(6))).containsExactly(restriction);
        assertThat(rights.dueWithin(Duration.ofDays(31))).containsExactly(restriction, erasure, access, withdrawal);

        clock.set(endOfMoscowDay("2026-01-14").plusSeconds(1));
        assertThat(rights.overdue()).containsExactly(restriction, erasure);
        assertThat(rights.dueWithin(Duration.ofDays(7))).containsExactly(access);
        rights.refuse(restriction.id(), "no unlawful processing found", DESK);
        assertThat(rights.overdue()).containsExactly(erasure);
        assertThatThrownBy(() -> rights.dueWithin(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
