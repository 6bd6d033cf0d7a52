package dev.consentkit.testkit.feature;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.hold.HoldStore;
import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the legal-hold port ({@link dev.consentkit.core.hold.HoldStore}) for every storage
 * adapter (M15: a legal hold blocks erasure and disposal with its reason). An adapter's test extends
 * this class and implements {@link #createStorage()} in a few lines.
 *
 * <p><b>Covers</b> the legal-hold feature's {@code HoldStore}, offered through {@code tx.port(HoldStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class HoldStoreContract {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final SubjectId BOB = SubjectId.of("client-1002");
    private static final PurposeId INVOICES = PurposeId.of("invoices");
    private static final Actor LAWYER = Actor.operator("lawyer-7");

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
        assertThat(active()).as("a fresh store has no hold").isEmpty();
    }

    private static LegalHold hold(HoldScope scope, String reason, Instant at) {
        return new LegalHold(UUID.randomUUID(), scope, reason, LAWYER, at, Optional.empty());
    }

    private void add(LegalHold... holds) {
        storage.inTransaction(tx -> {
            for (LegalHold h : holds) {
                HoldStore.in(tx).add(h);
            }
            return null;
        });
    }

    private Optional<LegalHold> find(UUID id) {
        return storage.read(tx -> HoldStore.in(tx).find(id));
    }

    private boolean lift(UUID id, LegalHold.Lifting lifting) {
        return storage.inTransaction(tx -> HoldStore.in(tx).lift(id, lifting));
    }

    private List<LegalHold> active() {
        return storage.read(tx -> HoldStore.in(tx).active());
    }

    private List<LegalHold> activeFor(SubjectId subject) {
        return storage.read(tx -> HoldStore.in(tx).activeFor(subject));
    }

    @Test
    void everyScopeShapeRoundTripsExactlyWithMicrosecondsAndNonAsciiText() {
        SubjectId longest = SubjectId.of("😀".repeat(SubjectId.MAX_LENGTH / 2 - 1) + "ab");
        List<LegalHold> holds = List.of(
                hold(HoldScope.forSubject(ANNA), "tax audit 2026-17 " + NON_ASCII, T0),
                hold(HoldScope.forSubject(longest).andPurpose(INVOICES).andCategory(CategoryId.of("billing")), "x".repeat(256), T0),
                hold(HoldScope.forPurpose(INVOICES), "court case A40-1234/2026", T0.plusNanos(1_000)),
                hold(HoldScope.forCategory(CategoryId.of("billing")), "regulator request", T0.plusSeconds(1)),
                new LegalHold(UUID.randomUUID(), HoldScope.forSubject(BOB), "already over", Actor.system("import"), T0,
                        Optional.of(new LegalHold.Lifting(Actor.subject(), T0.plusNanos(7_000)))));
        add(holds.toArray(LegalHold[]::new));

        for (LegalHold h : holds) {
            assertThat(find(h.id())).contains(h);
        }
        assertThat(find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void liftingMarksTheHoldOnceAndKeepsIt() {
        LegalHold h = hold(HoldScope.forSubject(ANNA), "tax audit", T0);
        add(h);
        LegalHold.Lifting lifting = new LegalHold.Lifting(Actor.operator("lawyer-8"), T0.plus(Duration.ofDays(30)));

        assertThat(lift(h.id(), lifting)).isTrue();
        assertThat(find(h.id())).contains(h.lift(lifting.by(), lifting.at()));
        assertThat(lift(h.id(), lifting)).as("lifted already").isFalse();
        assertThat(lift(UUID.randomUUID(), lifting)).as("unknown").isFalse();
        assertThat(active()).isEmpty();
    }

    @Test
    void activeListsHoldsInForceOldestFirst() {
        LegalHold late = hold(HoldScope.forCategory(CategoryId.of("billing")), "late", T0.plusSeconds(60));
        LegalHold early = hold(HoldScope.forSubject(ANNA), "early", T0);
        LegalHold lifted = hold(HoldScope.forSubject(BOB), "lifted", T0.plusSeconds(1));
        add(late, early, lifted);
        lift(lifted.id(), new LegalHold.Lifting(LAWYER, T0.plusSeconds(2)));

        assertThat(active()).containsExactly(early, late);
    }

    @Test
    void activeForASubjectHoldsItsOwnAndThoseNamingNoSubject() {
        LegalHold anna = hold(HoldScope.forSubject(ANNA).andCategory(CategoryId.of("billing")), "anna", T0);
        LegalHold bob = hold(HoldScope.forSubject(BOB), "bob", T0.plusSeconds(1));
        LegalHold everyone = hold(HoldScope.forPurpose(INVOICES), "everyone", T0.plusSeconds(2));
        LegalHold annaLifted = hold(HoldScope.forSubject(ANNA), "anna, lifted", T0.plusSeconds(3));
        add(anna, bob, everyone, annaLifted);
        lift(annaLifted.id(), new LegalHold.Lifting(LAWYER, T0.plusSeconds(4)));

        assertThat(activeFor(ANNA)).containsExactly(anna, everyone);
        assertThat(activeFor(BOB)).containsExactly(bob, everyone);
        assertThat(activeFor(SubjectId.of("CLIENT-1001"))).as("ids are exact")
                .containsExactly(everyone);
    }

    @Test
    void aSecondHoldWithTheSameIdIsAConflictAndNothingChanges() {
        LegalHold h = hold(HoldScope.forSubject(ANNA), "first", T0);
        add(h);
        LegalHold twin = new LegalHold(h.id(), HoldScope.forSubject(BOB), "second", LAWYER, T0, Optional.empty());

        assertThatThrownBy(() -> add(twin)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(find(h.id())).contains(h);
    }

    @Test
    void aReadOnlyUnitCannotWrite() {
        LegalHold h = hold(HoldScope.forSubject(ANNA), "tax audit", T0);
        assertThatThrownBy(() -> storage.read(tx -> {
            HoldStore.in(tx).add(h);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(find(h.id())).isEmpty();
    }

    @Test
    void aFailedUnitLeavesNoHoldAndNoLifting() {
        LegalHold kept = hold(HoldScope.forSubject(ANNA), "kept", T0);
        add(kept);
        LegalHold h = hold(HoldScope.forSubject(BOB), "rolled back", T0);
        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            HoldStore.in(tx).add(h);
            HoldStore.in(tx).lift(kept.id(), new LegalHold.Lifting(LAWYER, T0.plusSeconds(1)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(find(h.id())).isEmpty();
        assertThat(find(kept.id())).contains(kept);
    }
}
