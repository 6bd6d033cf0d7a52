package dev.consentkit.testkit.feature;

import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static dev.consentkit.testkit.fixtures.ContractSamples.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.EventName;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.retention.ActEntry;
import dev.consentkit.core.retention.DestructionAct;
import dev.consentkit.core.retention.DisposalAction;
import dev.consentkit.core.retention.Signatory;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.retention.RetentionAnchor;
import dev.consentkit.core.retention.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the retention port ({@link RetentionStore}) for every storage adapter: anchors keep
 * their latest time, due anchors come a page at a time exactly once and never after their policy
 * disposed of them, markers are replaced, acts round-trip every field and are purged only once
 * complete. An adapter's test extends this class and implements {@link #createStorage()}.
 *
 * <p><b>Covers</b> the retention feature's {@code RetentionStore}, offered through {@code tx.port(RetentionStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class RetentionStoreContract {
    private static final EventName BOOKING_ENDED = EventName.of("booking.ended");
    private static final EventName INVOICE_LAST = EventName.of("invoice.last");
    private static final PolicyId POLICY = PolicyId.of("orders.booking");
    private static final SubjectId ANNA = SubjectId.of("client-anna");
    private static final SubjectId ANNA_UPPER = SubjectId.of("CLIENT-ANNA");
    private static final SubjectId PETR = SubjectId.of(NON_ASCII);

    private ConsentStorage storage;

    /**
     * @return a new, empty store; it may share nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
    }

    private <T> T write(Function<RetentionStore, T> work) {
        return storage.inTransaction(tx -> work.apply(RetentionStore.in(tx)));
    }

    private <T> T read(Function<RetentionStore, T> work) {
        return storage.read(tx -> work.apply(RetentionStore.in(tx)));
    }

    // ---- anchors -----------------------------------------------------------------------------------

    @Test
    void anEventKeepsItsLatestTimeExactlyPerSubjectAndRecord() {
        RetentionAnchor first = new RetentionAnchor(ANNA, "booking-1", T0);
        assertThat(this.<Boolean>write(r -> r.recordEvent(BOOKING_ENDED, first))).isTrue();
        assertThat(this.<Boolean>write(r -> r.recordEvent(BOOKING_ENDED, new RetentionAnchor(ANNA, "booking-1", T0.minusSeconds(60)))))
                .as("an earlier time does not move the anchor back").isFalse();
        assertThat(this.<Boolean>write(r -> r.recordEvent(BOOKING_ENDED, first))).as("the same time changes nothing").isFalse();
        Instant later = T0.plus(1, ChronoUnit.MICROS);
        assertThat(this.<Boolean>write(r -> r.recordEvent(BOOKING_ENDED, new RetentionAnchor(ANNA, "booking-1", later)))).isTrue();
        write(r -> r.recordEvent(BOOKING_ENDED, new RetentionAnchor(ANNA_UPPER, "booking-1", T0)));
        write(r -> r.recordEvent(BOOKING_ENDED, new RetentionAnchor(PETR, NON_ASCII, T0)));
        write(r -> r.recordEvent(INVOICE_LAST, new RetentionAnchor(ANNA, "", T0)));

        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, first.key()))).contains(later);
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, new RetentionAnchor.Key(ANNA_UPPER, "booking-1")))).contains(T0);
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, new RetentionAnchor.Key(PETR, NON_ASCII)))).contains(T0);
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, new RetentionAnchor.Key(ANNA, "BOOKING-1")))).isEmpty();
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, new RetentionAnchor.Key(ANNA, "")))).isEmpty();
        assertThat(this.<Optional<Instant>>read(r -> r.event(INVOICE_LAST, new RetentionAnchor.Key(ANNA, "")))).contains(T0);
    }

    @Test
    void dueAnchorsComeAPageAtATimeEachExactlyOnce() {
        Set<RetentionAnchor> recorded = new HashSet<>();
        write(r -> {
            for (int s = 0; s < 7; s++) {
                for (int b = 0; b < 3; b++) {
                    RetentionAnchor a = new RetentionAnchor(SubjectId.of("client-" + s), b == 0 ? "" : "booking-" + b,
                            T0.plusSeconds(s * 10L + b));
                    r.recordEvent(BOOKING_ENDED, a);
                    recorded.add(a);
                }
            }
            r.recordEvent(BOOKING_ENDED, new RetentionAnchor(PETR, "late", T0.plus(Duration.ofDays(1))));
            r.recordEvent(EventName.of("other.event"), new RetentionAnchor(ANNA, "", T0));
            return null;
        });

        List<RetentionAnchor> seen = new ArrayList<>();
        Optional<RetentionAnchor.Key> after = Optional.empty();
        int pages = 0;
        while (true) {
            Optional<RetentionAnchor.Key> cursor = after;
            List<RetentionAnchor> page = read(r -> r.dueEvents(POLICY, BOOKING_ENDED, T0.plusSeconds(3600), cursor, 4));
            assertThat(page.size()).isLessThanOrEqualTo(4);
            seen.addAll(page);
            pages++;
            if (page.size() < 4) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).key());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void anAnchorDisposedOfIsNotDueAgainUntilItMovesLater() {
        RetentionAnchor anna = new RetentionAnchor(ANNA, "", T0);
        RetentionAnchor petr = new RetentionAnchor(PETR, "booking-9", T0);
        UUID act = UUID.randomUUID();
        write(r -> {
            r.recordEvent(BOOKING_ENDED, anna);
            r.recordEvent(BOOKING_ENDED, petr);
            r.markDisposed(POLICY, List.of(anna), act);
            return null;
        });
        Instant upTo = T0.plusSeconds(10);

        assertThat(this.<List<RetentionAnchor>>read(r -> r.dueEvents(POLICY, BOOKING_ENDED, upTo, Optional.empty(), 10))).containsExactly(petr);
        assertThat(this.<List<RetentionAnchor>>read(r -> r.dueEvents(PolicyId.of("other.policy"), BOOKING_ENDED, upTo, Optional.empty(), 10)))
                .as("markers are per policy").containsExactlyInAnyOrder(anna, petr);
        assertThat(this.<Set<RetentionAnchor.Key>>read(r -> r.disposed(POLICY, List.of(anna, petr)))).containsExactly(anna.key());

        RetentionAnchor annaAgain = new RetentionAnchor(ANNA, "", T0.plusSeconds(5));
        write(r -> r.recordEvent(BOOKING_ENDED, annaAgain));
        assertThat(this.<List<RetentionAnchor>>read(r -> r.dueEvents(POLICY, BOOKING_ENDED, upTo, Optional.empty(), 10)))
                .as("a later event makes the subject due again").containsExactlyInAnyOrder(annaAgain, petr);
        assertThat(this.<Set<RetentionAnchor.Key>>read(r -> r.disposed(POLICY, List.of(annaAgain)))).isEmpty();

        write(r -> {
            r.markDisposed(POLICY, List.of(annaAgain, petr), UUID.randomUUID());
            return null;
        });
        assertThat(this.<List<RetentionAnchor>>read(r -> r.dueEvents(POLICY, BOOKING_ENDED, upTo, Optional.empty(), 10))).isEmpty();
        assertThat(this.<Set<RetentionAnchor.Key>>read(r -> r.disposed(POLICY, List.of(anna, annaAgain, petr))))
                .containsExactlyInAnyOrder(anna.key(), petr.key());
    }

    @Test
    void forgettingASubjectRemovesOnlyItsEvents() {
        write(r -> {
            r.recordEvent(BOOKING_ENDED, new RetentionAnchor(ANNA, "b1", T0));
            r.recordEvent(INVOICE_LAST, new RetentionAnchor(ANNA, "", T0));
            r.recordEvent(BOOKING_ENDED, new RetentionAnchor(ANNA_UPPER, "b1", T0));
            return null;
        });
        assertThat(this.<Integer>write(r -> r.forgetEvents(ANNA))).isEqualTo(2);
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, new RetentionAnchor.Key(ANNA, "b1")))).isEmpty();
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, new RetentionAnchor.Key(ANNA_UPPER, "b1")))).contains(T0);
    }

    // ---- acts --------------------------------------------------------------------------------------

    private static DestructionAct openAct(Instant startedAt, boolean full) {
        return new DestructionAct(UUID.randomUUID(), "Studio Lumen LLC " + NON_ASCII,
                full ? Optional.of("Moscow, Tverskaya 1") : Optional.empty(),
                full ? Optional.of("Cloud CRM Ltd") : Optional.empty(), "Studio CRM",
                full ? Actor.operator("dpo-1") : Actor.system("nightly-retention"),
                full ? Optional.of(new Signatory("Ivanova A. A.", "Data protection officer")) : Optional.empty(),
                startedAt, Optional.empty(), List.of());
    }

    private static ActEntry entry(int number, long auditSequence) {
        return new ActEntry(number, POLICY, PurposeId.of("orders"), CategoryId.of("booking"), DisposalAction.ANONYMISE,
                "retention period ended: P24M after booking.ended", List.of(hash("anna"), hash("petr")), 3,
                T0.plus(number, ChronoUnit.MICROS), auditSequence);
    }

    @Test
    void anActRoundTripsEveryFieldAndItsEntriesInOrder() {
        DestructionAct full = openAct(T0, true);
        DestructionAct bare = openAct(T0.plusSeconds(1), false);
        write(r -> {
            r.openAct(full);
            r.openAct(bare);
            r.addActEntry(full.id(), entry(1, 41));
            r.addActEntry(full.id(), entry(2, Long.MAX_VALUE));
            return null;
        });
        Instant completed = T0.plus(Duration.ofMinutes(5)).plus(7, ChronoUnit.MICROS);
        write(r -> {
            r.completeAct(full.id(), completed);
            return null;
        });

        DestructionAct expected = new DestructionAct(full.id(), full.operator(), full.operatorAddress(), full.processor(),
                full.system(), full.performedBy(), full.signatory(), full.startedAt(), Optional.of(completed),
                List.of(entry(1, 41), entry(2, Long.MAX_VALUE)));
        assertThat(this.<Optional<DestructionAct>>read(r -> r.act(full.id()))).contains(expected);
        assertThat(this.<Optional<DestructionAct>>read(r -> r.act(bare.id()))).contains(bare);
        assertThat(this.<List<DestructionAct>>read(RetentionStore::acts)).containsExactly(expected, bare);
        assertThat(this.<Optional<DestructionAct>>read(RetentionStore::unfinishedAct)).contains(bare);
        assertThat(this.<Optional<DestructionAct>>read(r -> r.act(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void entriesFollowEachOtherAndOnlyOpenActsTakeThem() {
        DestructionAct act = openAct(T0, false);
        write(r -> {
            r.openAct(act);
            r.addActEntry(act.id(), entry(1, 1));
            return null;
        });
        assertThatThrownBy(() -> write(r -> {
            r.addActEntry(act.id(), entry(1, 2));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> write(r -> {
            r.openAct(act);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        write(r -> {
            r.completeAct(act.id(), T0.plusSeconds(1));
            return null;
        });
        assertThatThrownBy(() -> write(r -> {
            r.addActEntry(act.id(), entry(2, 2));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
        assertThatThrownBy(() -> write(r -> {
            r.completeAct(act.id(), T0.plusSeconds(2));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> write(r -> {
            r.addActEntry(UUID.randomUUID(), entry(1, 2));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(this.<Optional<DestructionAct>>read(r -> r.act(act.id())).orElseThrow().entries()).containsExactly(entry(1, 1));
        assertThat(this.<Optional<DestructionAct>>read(RetentionStore::unfinishedAct)).isEmpty();
    }

    @Test
    void purgingDeletesOnlyActsCompletedBeforeTheCutoff() {
        DestructionAct old = openAct(T0, false);
        DestructionAct recent = openAct(T0.plusSeconds(1), false);
        DestructionAct open = openAct(T0.plusSeconds(2), false);
        write(r -> {
            for (DestructionAct a : List.of(old, recent, open)) {
                r.openAct(a);
                r.addActEntry(a.id(), entry(1, 5));
            }
            r.completeAct(old.id(), T0.plusSeconds(10));
            r.completeAct(recent.id(), T0.plusSeconds(20));
            return null;
        });

        assertThat(this.<List<UUID>>write(r -> r.purgeActs(T0.plusSeconds(20)))).containsExactly(old.id());
        assertThat(this.<List<DestructionAct>>read(RetentionStore::acts)).extracting(DestructionAct::id).containsExactly(recent.id(), open.id());
        assertThat(this.<List<UUID>>write(r -> r.purgeActs(T0.plusSeconds(20)))).isEmpty();
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void aReadOnlyUnitRefusesEveryWrite() {
        RetentionAnchor a = new RetentionAnchor(ANNA, "", T0);
        List<Function<RetentionStore, ?>> writes = List.of(
                r -> r.recordEvent(BOOKING_ENDED, a),
                r -> {
                    r.markDisposed(POLICY, List.of(a), UUID.randomUUID());
                    return null;
                },
                r -> r.forgetEvents(ANNA),
                r -> {
                    r.openAct(openAct(T0, false));
                    return null;
                },
                r -> r.purgeActs(T0));
        for (Function<RetentionStore, ?> w : writes) {
            assertThatThrownBy(() -> read(w)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, a.key()))).isEmpty();
        assertThat(this.<List<DestructionAct>>read(RetentionStore::acts)).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        DestructionAct act = openAct(T0, false);
        RetentionAnchor a = new RetentionAnchor(ANNA, "", T0);
        assertThatThrownBy(() -> write(r -> {
            r.recordEvent(BOOKING_ENDED, a);
            r.openAct(act);
            r.addActEntry(act.id(), entry(1, 1));
            r.markDisposed(POLICY, List.of(a), act.id());
            throw new IllegalStateException("injected");
        })).hasMessage("injected");

        assertThat(this.<Optional<Instant>>read(r -> r.event(BOOKING_ENDED, a.key()))).isEmpty();
        assertThat(this.<Set<RetentionAnchor.Key>>read(r -> r.disposed(POLICY, List.of(a)))).isEmpty();
        assertThat(this.<List<DestructionAct>>read(RetentionStore::acts)).isEmpty();
    }
}
