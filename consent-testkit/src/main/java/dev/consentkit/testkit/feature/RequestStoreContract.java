package dev.consentkit.testkit.feature;

import dev.consentkit.testkit.ConsentStoreContract;
import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.rights.RequestStep;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.rights.RequestStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the data-subject request port ({@link RequestStore}) for every storage adapter. An
 * adapter's test extends this class and implements {@link #createStorage()} in a few lines, as for
 * {@link ConsentStoreContract}.
 *
 * <p>The samples hold what naive schemas lose: microsecond times, notes of the longest length with
 * characters outside the BMP and line breaks, subject ids that differ only in case, a 128-character
 * subject id, and an actor without an id.
 *
 * <p><b>Covers</b> the rights feature's {@code RequestStore}, offered through {@code tx.port(RequestStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class RequestStoreContract {
    private static final SubjectId ANNA = SubjectId.of("anna");
    private static final SubjectId ANNA_UPPER = SubjectId.of("ANNA");
    private static final Actor DESK = Actor.operator("desk-7@front.office:2");

    private ConsentStorage storage;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store; it may share nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
    }

    /**
     * @param id the id
     * @param subject the subject
     * @param type the type
     * @param received when received
     * @param due when due
     * @return a request with its RECEIVED step only
     */
    static SubjectRequest received(RequestId id, SubjectId subject, RequestType type, Instant received, Instant due) {
        RequestStep first = new RequestStep(RequestState.RECEIVED, received, Actor.subject(), Optional.empty(),
                Optional.empty());
        return new SubjectRequest(id, subject, type, "ru_152fz", received, due, Optional.empty(),
                RequestState.RECEIVED, List.of(first));
    }

    private static RequestStep step(RequestState state, Instant at, String note) {
        return new RequestStep(state, at, DESK, Optional.ofNullable(note), Optional.empty());
    }

    private static RequestId id(int n) {
        return new RequestId(UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n)));
    }

    private <T> T write(Function<RequestStore, T> work) {
        return storage.inTransaction(tx -> work.apply(RequestStore.in(tx)));
    }

    private void add(SubjectRequest... requests) {
        write(store -> {
            for (SubjectRequest r : requests) {
                store.add(r);
            }
            return null;
        });
    }

    private void advance(SubjectRequest next) {
        write(store -> {
            store.advance(next);
            return null;
        });
    }

    private Optional<SubjectRequest> find(RequestId id) {
        return storage.read(tx -> RequestStore.in(tx).find(id));
    }

    private List<SubjectRequest> forSubject(SubjectId subject) {
        return storage.read(tx -> RequestStore.in(tx).forSubject(subject));
    }

    private List<SubjectRequest> openDueBy(Instant cutoff, int limit) {
        return storage.read(tx -> RequestStore.in(tx).openDue(T0, cutoff, limit));
    }

    private List<SubjectRequest> openDue(Instant notBefore, Instant notAfter) {
        return storage.read(tx -> RequestStore.in(tx).openDue(notBefore, notAfter, 100));
    }

    // ---- round trips ------------------------------------------------------------------------------

    @Test
    void everyFieldAndEveryStepRoundTrips() {
        SubjectId longest = SubjectId.of(NON_ASCII + "x".repeat(SubjectId.MAX_LENGTH - NON_ASCII.length()));
        Instant received = T0.plus(1, ChronoUnit.MICROS);
        String longNote = ("Причина 😀\nline two " + NON_ASCII).repeat(60).substring(0, RequestStep.MAX_NOTE - 1) + "!";
        SubjectRequest r = received(id(1), longest, RequestType.PORTABILITY, received, T0.plus(Duration.ofDays(14)));
        add(r);
        assertThat(find(r.id())).contains(r);

        SubjectRequest verified = r.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(60), null));
        SubjectRequest started = verified.next(new RequestStep(RequestState.IN_PROGRESS, T0.plusSeconds(61),
                Actor.system("rights-worker"), Optional.of("n"), Optional.empty()));
        Instant extendedDue = T0.plus(Duration.ofDays(21)).plus(999_999, ChronoUnit.MICROS);
        SubjectRequest extended = started.next(new RequestStep(RequestState.EXTENDED, T0.plusSeconds(62), DESK,
                Optional.of(longNote), Optional.of(extendedDue)));
        SubjectRequest completed = extended.next(step(RequestState.COMPLETED, T0.plusSeconds(63), "export sent «ok»"));
        for (SubjectRequest next : List.of(verified, started, extended, completed)) {
            advance(next);
            assertThat(find(r.id())).as("after %s", next.state()).contains(next);
        }

        SubjectRequest read = find(r.id()).orElseThrow();
        // field by field, so a failure names the field a store lost
        assertThat(read.subject()).isEqualTo(longest);
        assertThat(read.type()).isEqualTo(RequestType.PORTABILITY);
        assertThat(read.jurisdiction()).isEqualTo("ru_152fz");
        assertThat(read.receivedAt()).isEqualTo(received);
        assertThat(read.dueAt()).isEqualTo(r.dueAt());
        assertThat(read.extendedDueAt()).contains(extendedDue);
        assertThat(read.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(read.history()).extracting(RequestStep::actor)
                .containsExactly(Actor.subject(), DESK, Actor.system("rights-worker"), DESK, DESK);
        assertThat(read.history().get(3).note()).contains(longNote);
        assertThat(read.history().get(3).dueAt()).contains(extendedDue);
        assertThat(read).isEqualTo(completed);
    }

    @Test
    void aUnitSeesItsOwnRequestsAndLaterUnitsSeeCommittedOnes() {
        SubjectRequest r = received(id(1), ANNA, RequestType.ACCESS, T0, T0.plus(Duration.ofDays(14)));
        SubjectRequest verified = r.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        write(store -> {
            store.add(r);
            assertThat(store.find(r.id())).contains(r);
            store.advance(verified);
            assertThat(store.find(r.id())).contains(verified);
            assertThat(store.forSubject(ANNA)).containsExactly(verified);
            return null;
        });
        assertThat(find(r.id())).contains(verified);
    }

    @Test
    void unknownIdsAndSubjectsFindNothing() {
        add(received(id(1), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10)));
        assertThat(find(id(2))).isEmpty();
        assertThat(forSubject(SubjectId.of("bob"))).isEmpty();
    }

    // ---- conflicts --------------------------------------------------------------------------------

    @Test
    void addingAStoredIdIsAConflictAndKeepsTheFirst() {
        SubjectRequest first = received(id(1), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10));
        add(first);
        assertThatThrownBy(() -> add(received(id(1), ANNA_UPPER, RequestType.ERASURE, T0, T0.plusSeconds(20))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(find(id(1))).contains(first);
    }

    @Test
    void advancingAStaleOrMissingRequestIsAConflictAndChangesNothing() {
        SubjectRequest r = received(id(1), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10));
        add(r);
        SubjectRequest verified = r.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        SubjectRequest refused = r.next(step(RequestState.REFUSED, T0.plusSeconds(1), "not the subject"));
        advance(verified);

        // a second writer that read the request before the first advanced it
        assertThatThrownBy(() -> advance(refused)).isInstanceOf(ConcurrentUpdateException.class);
        SubjectRequest skipping = verified.next(step(RequestState.IN_PROGRESS, T0.plusSeconds(2), null))
                .next(step(RequestState.COMPLETED, T0.plusSeconds(3), "done"));
        assertThatThrownBy(() -> advance(skipping)).isInstanceOf(ConcurrentUpdateException.class);
        SubjectRequest missing = received(id(9), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10))
                .next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        assertThatThrownBy(() -> advance(missing)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(find(id(1))).contains(verified);
        assertThat(find(id(9))).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkLeavesNoRequestAndNoStep() {
        SubjectRequest kept = received(id(1), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10));
        add(kept);
        SubjectRequest added = received(id(2), ANNA, RequestType.ERASURE, T0, T0.plusSeconds(10));
        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            RequestStore.in(tx).add(added);
            RequestStore.in(tx).advance(kept.next(step(RequestState.REFUSED, T0.plusSeconds(1), "no")));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(find(id(2))).isEmpty();
        assertThat(find(id(1))).contains(kept);
        assertThat(forSubject(ANNA)).containsExactly(kept);
        // the failed unit left no step behind that would make the next advance collide
        SubjectRequest verified = kept.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(2), null));
        advance(verified);
        assertThat(find(id(1))).contains(verified);
    }

    @Test
    void aReadOnlyUnitCannotWrite() {
        SubjectRequest r = received(id(1), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10));
        assertThatThrownBy(() -> storage.read(tx -> {
            RequestStore.in(tx).add(r);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(find(id(1))).isEmpty();
    }

    @Test
    void aNewRequestHasOneStep() {
        SubjectRequest r = received(id(1), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(10))
                .next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        assertThatThrownBy(() -> add(r)).isInstanceOf(IllegalArgumentException.class);
        assertThat(find(id(1))).isEmpty();
    }

    // ---- provisional deadlines (issue 11) -------------------------------------------------------------

    private static final CalendarSource TABLE_2026 =
            CalendarSource.parse("ru/2026@sha256:" + "0123456789abcdef".repeat(4));
    private static final CalendarSource TABLE_2027 =
            CalendarSource.parse("ru/2027@sha256:" + "fedcba9876543210".repeat(4));
    private static final CalendarSource PROVISIONAL_2027 = CalendarSource.parse("ru/2027@provisional:ru-labour-code-art112");

    /** A request whose due time was counted on 2026's table and 2027's provisional rule. */
    static SubjectRequest provisional(RequestId id, SubjectId subject, Instant received, Instant due) {
        SubjectRequest r = received(id, subject, RequestType.ACCESS, received, due);
        return r.withDeadlines(due, Optional.empty(), List.of(PROVISIONAL_2027, TABLE_2026));
    }

    private List<SubjectRequest> openProvisional(Optional<RequestId> after, int limit) {
        return storage.read(tx -> RequestStore.in(tx).openProvisional(after, limit));
    }

    private boolean redate(SubjectRequest read, SubjectRequest redated) {
        return write(store -> store.redate(read, redated));
    }

    @Test
    void theDueBasisAndTheExtensionPeriodRoundTrip() {
        SubjectRequest r = provisional(id(1), ANNA, T0, T0.plus(Duration.ofDays(14)));
        add(r);
        assertThat(find(r.id())).contains(r);
        assertThat(find(r.id()).orElseThrow().dueBasis()).containsExactly(TABLE_2026, PROVISIONAL_2027);
        assertThat(find(r.id()).orElseThrow().isProvisional()).isTrue();

        SubjectRequest verified = r.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        SubjectRequest started = verified.next(step(RequestState.IN_PROGRESS, T0.plusSeconds(2), null));
        Instant extendedDue = T0.plus(Duration.ofDays(21));
        SubjectRequest extended = started.next(new RequestStep(RequestState.EXTENDED, T0.plusSeconds(3), DESK,
                Optional.of("many requests"), Optional.of(extendedDue), Optional.of(LegalPeriod.workingDays(5))))
                .withDeadlines(r.dueAt(), Optional.of(extendedDue), List.of(TABLE_2026, TABLE_2027, PROVISIONAL_2027));
        for (SubjectRequest next : List.of(verified, started, extended)) {
            advance(next);
        }
        assertThat(find(r.id())).contains(extended);
        assertThat(find(r.id()).orElseThrow().extension().orElseThrow().extendedBy()).contains(LegalPeriod.workingDays(5));
    }

    @Test
    void aRedatingIsACompareAndSetOnTheRequestAsRead() {
        SubjectRequest r = provisional(id(1), ANNA, T0, T0.plus(Duration.ofDays(14)));
        add(r);
        SubjectRequest official = r.withDeadlines(T0.plus(Duration.ofDays(15)), Optional.empty(), List.of(TABLE_2026, TABLE_2027));
        SubjectRequest other = r.withDeadlines(T0.plus(Duration.ofDays(13)), Optional.empty(), List.of(TABLE_2026));

        assertThat(redate(r, official)).isTrue();
        assertThat(find(r.id())).contains(official);
        assertThat(find(r.id()).orElseThrow().isProvisional()).isFalse();
        assertThat(redate(r, other)).as("a second writer that read the request before").isFalse();
        assertThat(redate(r, official)).as("the same change again").isFalse();
        assertThat(find(r.id())).contains(official);
        SubjectRequest missing = provisional(id(9), ANNA, T0, T0.plusSeconds(10));
        assertThat(redate(missing, missing.withDeadlines(T0.plusSeconds(20), Optional.empty(), List.of()))).isFalse();
        assertThat(find(id(9))).isEmpty();
        // an advance that read the request before it was redated to another due time is a conflict too
        assertThatThrownBy(() -> advance(r.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(find(r.id())).contains(official);
    }

    @Test
    void aRedatingChangesDueTimesAndBasisOnlyAndRollsBackWithItsUnit() {
        SubjectRequest r = provisional(id(1), ANNA, T0, T0.plus(Duration.ofDays(14)));
        add(r);
        SubjectRequest stepped = r.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        assertThatThrownBy(() -> redate(r, stepped)).isInstanceOf(IllegalArgumentException.class);
        SubjectRequest official = r.withDeadlines(T0.plus(Duration.ofDays(15)), Optional.empty(), List.of(TABLE_2026));
        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            assertThat(RequestStore.in(tx).redate(r, official)).isTrue();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(find(r.id())).contains(r);
        assertThatThrownBy(() -> storage.read(tx -> RequestStore.in(tx).redate(r, official)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(find(r.id())).contains(r);
    }

    @Test
    void aStepOtherThanAnExtensionKeepsTheStoredDueTimesAndBasis() {
        SubjectRequest r = provisional(id(1), ANNA, T0, T0.plus(Duration.ofDays(14)));
        add(r);
        // another writer confirmed the due time with the year's table
        SubjectRequest confirmed = r.withDeadlines(r.dueAt(), Optional.empty(), List.of(TABLE_2026, TABLE_2027));
        assertThat(redate(r, confirmed)).isTrue();

        RequestStep verified = step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null);
        advance(r.next(verified));
        assertThat(find(r.id())).contains(confirmed.next(verified));
    }

    @Test
    void openProvisionalListsOpenRequestsWithAProvisionalDeadlineById() {
        Instant due = T0.plus(Duration.ofDays(14));
        SubjectRequest first = provisional(id(1), ANNA, T0, due);
        SubjectRequest official = received(id(2), ANNA, RequestType.ERASURE, T0, due);
        SubjectRequest third = provisional(id(3), ANNA_UPPER, T0, due);
        SubjectRequest closed = provisional(id(4), ANNA, T0, due);
        SubjectRequest fifth = provisional(id(5), ANNA, T0.plusSeconds(5), T0.plus(Duration.ofDays(2)));
        add(fifth, closed, official, third, first);
        advance(closed.next(step(RequestState.REFUSED, T0.plusSeconds(1), "not the subject")));

        List<SubjectRequest> all = openProvisional(Optional.empty(), 100);
        assertThat(all).extracting(SubjectRequest::id).containsExactly(id(1), id(3), id(5));
        assertThat(all.get(0)).isEqualTo(first);
        assertThat(openProvisional(Optional.of(id(1)), 1))
                .extracting(SubjectRequest::id).containsExactly(id(3));
        assertThat(openProvisional(Optional.of(id(5)), 10)).isEmpty();
        assertThat(redate(third, third.withDeadlines(due, Optional.empty(), List.of(TABLE_2026, TABLE_2027)))).isTrue();
        assertThat(openProvisional(Optional.empty(), 100))
                .extracting(SubjectRequest::id).containsExactly(id(1), id(5));
        assertThatThrownBy(() -> openProvisional(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- queries ----------------------------------------------------------------------------------

    @Test
    void aSubjectsRequestsComeOldestFirstAndSubjectsAreCaseSensitive() {
        SubjectRequest later = received(id(3), ANNA, RequestType.ERASURE, T0.plusSeconds(5), T0.plusSeconds(50));
        SubjectRequest earlyB = received(id(2), ANNA, RequestType.ACCESS, T0, T0.plusSeconds(50));
        SubjectRequest earlyA = received(id(1), ANNA, RequestType.OBJECTION, T0, T0.plusSeconds(50));
        SubjectRequest other = received(id(4), ANNA_UPPER, RequestType.ACCESS, T0, T0.plusSeconds(50));
        add(later, earlyB, other, earlyA);

        assertThat(forSubject(ANNA)).containsExactly(earlyA, earlyB, later);
        assertThat(forSubject(ANNA_UPPER)).containsExactly(other);
    }

    @Test
    void openDueListsOpenRequestsByTheDueTimeInForceSoonestFirst() {
        Instant cutoff = T0.plus(Duration.ofDays(10));
        SubjectRequest atCutoff = received(id(1), ANNA, RequestType.ACCESS, T0, cutoff);
        SubjectRequest justAfter = received(id(2), ANNA, RequestType.ERASURE, T0, cutoff.plus(1, ChronoUnit.MICROS));
        SubjectRequest early = received(id(3), ANNA_UPPER, RequestType.ACCESS, T0, T0.plus(Duration.ofDays(2)));
        SubjectRequest closed = received(id(4), ANNA, RequestType.OBJECTION, T0, T0.plus(Duration.ofDays(1)));
        SubjectRequest extendedPast = received(id(5), ANNA, RequestType.RECTIFICATION, T0, T0.plus(Duration.ofDays(3)));
        SubjectRequest tieA = received(id(6), ANNA, RequestType.RESTRICTION, T0, T0.plus(Duration.ofDays(5)));
        SubjectRequest tieB = received(id(7), ANNA, RequestType.WITHDRAWAL, T0, T0.plus(Duration.ofDays(5)));
        add(atCutoff, justAfter, early, closed, extendedPast, tieB, tieA);
        advance(closed.next(step(RequestState.REFUSED, T0.plusSeconds(1), "manifestly unfounded")));
        SubjectRequest verified = extendedPast.next(step(RequestState.IDENTITY_VERIFIED, T0.plusSeconds(1), null));
        SubjectRequest inProgress = verified.next(step(RequestState.IN_PROGRESS, T0.plusSeconds(2), null));
        SubjectRequest extended = inProgress.next(new RequestStep(RequestState.EXTENDED, T0.plusSeconds(3), DESK,
                Optional.of("many requests"), Optional.of(cutoff.plusSeconds(1))));
        advance(verified);
        advance(inProgress);
        advance(extended);

        List<SubjectRequest> due = openDueBy(cutoff, 100);
        assertThat(due).extracting(SubjectRequest::id).containsExactly(id(3), id(6), id(7), id(1));
        assertThat(openDueBy(cutoff, 2)).extracting(SubjectRequest::id)
                .containsExactly(id(3), id(6));
        assertThat(openDueBy(cutoff.plusSeconds(1), 100))
                .extracting(SubjectRequest::id).containsExactly(id(3), id(6), id(7), id(1), id(2), id(5));
        assertThat(openDueBy(cutoff.plusSeconds(1), 100).get(5))
                .isEqualTo(extended);
        assertThat(openDueBy(T0, 100)).isEmpty();
        // both ends included; the range excludes what falls due before it
        Instant earlyDue = T0.plus(Duration.ofDays(2));
        assertThat(openDue(earlyDue, earlyDue)).containsExactly(early);
        assertThat(openDue(earlyDue.plus(1, ChronoUnit.MICROS), cutoff))
                .extracting(SubjectRequest::id).containsExactly(id(6), id(7), id(1));
        assertThat(openDue(earlyDue.plusNanos(1), cutoff))
                .as("a bound finer than a microsecond is kept, not rounded into the range")
                .extracting(SubjectRequest::id).containsExactly(id(6), id(7), id(1));
        assertThatThrownBy(() -> openDueBy(cutoff, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
