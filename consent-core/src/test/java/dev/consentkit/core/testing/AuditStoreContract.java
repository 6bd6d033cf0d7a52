package dev.consentkit.core.testing;

import static dev.consentkit.core.testing.ContractSamples.NON_ASCII;
import static dev.consentkit.core.testing.ContractSamples.T0;
import static dev.consentkit.core.testing.ContractSamples.hash;
import static dev.consentkit.core.testing.Fixtures.NEWSLETTER;
import static dev.consentkit.core.testing.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditChain;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the audit port ({@link dev.consentkit.core.spi.AuditStore}) for every storage
 * adapter: an append-only chain whose head moves one sequence at a time, records and checkpoints
 * that come back exactly as written, and a chain that {@link AuditChain#verify} finds intact after
 * ConsentKit wrote it (M21). An adapter's test extends this class and implements
 * {@link #createStorage()}.
 *
 * <p>Audit links are HMACs over every field of an event, its time included to the microsecond, so a
 * store that rounds a time or trims a text breaks verification; these tests catch that first.
 */
public abstract class AuditStoreContract {
    private static final AuditChain CHAIN = new AuditChain(Fixtures.auditKey());
    private static final SubjectId ANNA = SubjectId.of("client-1001");

    /** The store under test, fresh for each test. */
    private ConsentStorage storage;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new store with no audit records or checkpoints (and nothing else); it may share
     *         nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
    }

    @Test
    void aNewChainHasNoHeadRecordsOrCheckpoints() {
        assertThat(head()).isEmpty();
        assertThat(records(1, 100)).isEmpty();
        assertThat(checkpoints()).isEmpty();
        assertThat(verify(CHAIN)).isEqualTo(new AuditVerification.Intact(0, 0, AuditChain.GENESIS));
    }

    @Test
    void appendMovesTheHeadAndReadGivesRecordsInSequenceOrder() {
        List<AuditRecord> appended = new ArrayList<>();
        appended.addAll(storage.inTransaction(tx -> List.of(append(tx, event("consent.given")),
                append(tx, event("consent.withdrawn")))));
        assertThat(head()).contains(appended.get(1));
        appended.add(storage.inTransaction(tx -> append(tx, event("processing.restricted"))));

        assertThat(head()).contains(appended.get(2));
        assertThat(appended).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(records(1, 100)).containsExactlyElementsOf(appended);
    }

    @Test
    void appendOfASequenceOtherThanTheNextConflictsAndChangesNothing() {
        AuditRecord second = CHAIN.next(Optional.of(CHAIN.next(Optional.empty(), event("consent.given"))),
                event("consent.given"));
        assertThatThrownBy(() -> storage.inTransaction(tx -> append(tx, second)))
                .as("a first record must have sequence 1").isInstanceOf(ConcurrentUpdateException.class);
        assertThat(head()).isEmpty();

        List<AuditRecord> chain = storage.inTransaction(tx -> List.of(append(tx, event("consent.given")),
                append(tx, event("consent.given")), append(tx, event("consent.given"))));
        AuditRecord staleNext = CHAIN.next(Optional.of(chain.get(1)), event("consent.withdrawn")); // sequence 3 again
        AuditRecord gap = new AuditRecord(5, event("consent.withdrawn"), chain.get(2).link(), chain.get(2).link());

        for (AuditRecord wrong : List.of(staleNext, gap)) {
            assertThatThrownBy(() -> storage.inTransaction(tx -> {
                tx.audit().addCheckpoint(new AuditCheckpoint(3, chain.get(2).link(), T0));
                return append(tx, wrong);
            })).as("append of sequence %d after head 3", wrong.sequence()).isInstanceOf(ConcurrentUpdateException.class);
        }

        assertThat(head()).contains(chain.get(2));
        assertThat(records(1, 100)).containsExactlyElementsOf(chain);
        assertThat(checkpoints()).isEmpty();
    }

    @Test
    void readStartsAtTheSequenceAskedForAndStopsAtTheLimit() {
        List<AuditRecord> chain = storage.inTransaction(tx -> {
            List<AuditRecord> r = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                r.add(append(tx, event("consent.given")));
            }
            return r;
        });

        assertThat(records(1, 2)).containsExactlyElementsOf(chain.subList(0, 2));
        assertThat(records(3, 2)).containsExactlyElementsOf(chain.subList(2, 4));
        assertThat(records(5, 100)).containsExactlyElementsOf(chain.subList(4, 6));
        assertThat(records(6, 1)).containsExactly(chain.get(5));
        assertThat(records(7, 100)).isEmpty();
        assertThat(records(Long.MAX_VALUE, 100)).isEmpty();
        // before the first sequence means from the start
        assertThat(records(0, 100)).containsExactlyElementsOf(chain);
        assertThat(records(Long.MIN_VALUE, 100)).containsExactlyElementsOf(chain);
        // the limit is an upper bound, however large
        assertThat(records(2, Integer.MAX_VALUE)).containsExactlyElementsOf(chain.subList(1, 6));
    }

    @Test
    void everyFieldOfARecordRoundTrips_M21() {
        List<AuditEvent> events = new ArrayList<>();
        Actor[] actors = {Actor.subject(), Actor.operator("desk-7@front.office:2"), Actor.guardian("g-17"),
                Actor.system("expiry-sweep")};
        AuditOutcome[] outcomes = AuditOutcome.values();
        for (int i = 0; i < actors.length; i++) {
            events.add(new AuditEvent(T0.plus(i, java.time.temporal.ChronoUnit.MICROS), actors[i],
                    new AuditAction("field.access_" + "x".repeat(40) + ".op" + i), Optional.of(hash("subject-" + i)),
                    Optional.of(i % 2 == 0 ? NEWSLETTER : ORDERS), outcomes[i % outcomes.length],
                    Optional.of("ref «" + NON_ASCII + "» " + i)));
        }
        events.add(new AuditEvent(T0.minusNanos(1_000), Actor.subject(), AuditAction.SUPPRESSION_ADDED, Optional.empty(),
                Optional.empty(), AuditOutcome.DENIED, Optional.empty()));
        events.add(new AuditEvent(T0, Actor.system("s"), new AuditAction("a." + "b".repeat(62)),
                Optional.of(hash("x")), Optional.empty(), AuditOutcome.FAILED, Optional.of("r".repeat(128))));
        assertThat(events.get(events.size() - 1).action().code()).hasSize(64);

        List<AuditRecord> written = storage.inTransaction(tx -> events.stream().map(e -> append(tx, e)).toList());

        List<AuditRecord> read = records(1, 100);
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            AuditRecord w = written.get(i);
            AuditRecord r = read.get(i);
            assertThat(r.event()).as("event of record %d", w.sequence()).isEqualTo(w.event());
            assertThat(r.previousLink()).as("previous link of record %d", w.sequence()).isEqualTo(w.previousLink());
            assertThat(r.link()).as("link of record %d", w.sequence()).isEqualTo(w.link());
            assertThat(r).isEqualTo(w);
        }
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void checkpointsAreKeptOldestFirstAndRoundTrip() {
        List<AuditCheckpoint> taken = storage.inTransaction(tx -> {
            AuditRecord first = append(tx, event("consent.given"));
            AuditCheckpoint a = new AuditCheckpoint(first.sequence(), first.link(), T0.plus(1, java.time.temporal.ChronoUnit.MICROS));
            tx.audit().addCheckpoint(a);
            AuditRecord second = append(tx, event("consent.given"));
            AuditCheckpoint b = new AuditCheckpoint(second.sequence(), second.link(), T0.plus(2, java.time.temporal.ChronoUnit.MICROS));
            tx.audit().addCheckpoint(b);
            return List.of(a, b);
        });
        AuditCheckpoint again = storage.inTransaction(tx -> {
            AuditRecord head = tx.audit().head().orElseThrow();
            AuditCheckpoint c = new AuditCheckpoint(head.sequence(), head.link(), T0.plusSeconds(3600));
            tx.audit().addCheckpoint(c); // a second checkpoint of the same head is kept too
            return c;
        });

        assertThat(checkpoints()).containsExactly(taken.get(0), taken.get(1), again);
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aFailedUnitOfWorkLeavesTheChainAsItWas() {
        AuditRecord first = storage.inTransaction(tx -> append(tx, event("consent.given")));
        RuntimeException boom = new IllegalStateException("failed after the audit write");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            AuditRecord r = append(tx, event("consent.withdrawn"));
            tx.audit().addCheckpoint(new AuditCheckpoint(r.sequence(), r.link(), T0));
            throw boom;
        })).isSameAs(boom);

        assertThat(head()).contains(first);
        assertThat(checkpoints()).isEmpty();
        // the sequence the failed unit used is free again
        AuditRecord second = storage.inTransaction(tx -> append(tx, event("processing.objected")));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(records(1, 100)).containsExactly(first, second);
    }

    @Test
    void theChainConsentKitWritesVerifiesIntact_M21() {
        MutableClock clock = new MutableClock(T0);
        ConsentKit kit = Fixtures.kit(storage, clock);
        kit.consent(ANNA, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).ipAddress("203.0.113.7").build())
                .give();
        clock.advance(Duration.ofNanos(1_001));
        kit.consent(ANNA, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        kit.restrict(ANNA, ORDERS, Actor.operator("dpo"));
        kit.object(ANNA, ORDERS, Actor.subject());
        kit.suppress(ContactPoint.email("anna@example.org"), NEWSLETTER, Actor.subject());
        AuditCheckpoint checkpoint = kit.audit().checkpoint();
        clock.advance(Duration.ofDays(1));
        kit.liftObjection(ANNA, ORDERS, Actor.operator("dpo"));

        AuditRecord head = head().orElseThrow();
        assertThat(head.sequence()).isEqualTo(6);
        assertThat(records(1, 100)).extracting(r -> r.event().action()).containsExactly(AuditAction.CONSENT_GIVEN,
                AuditAction.CONSENT_WITHDRAWN, AuditAction.PROCESSING_RESTRICTED, AuditAction.PROCESSING_OBJECTED,
                AuditAction.SUPPRESSION_ADDED, AuditAction.OBJECTION_LIFTED);
        assertThat(checkpoints()).containsExactly(checkpoint);
        AuditVerification.Intact intact = new AuditVerification.Intact(6, 6, head.link());
        assertThat(verify(CHAIN)).isEqualTo(intact);
        assertThat(kit.audit().verify()).isEqualTo(intact);
        assertThat(kit.audit().verify(checkpoint)).isEqualTo(intact);
        // the verification reads real links: under another key the first record fails
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 9);
        assertThat(verify(new AuditChain(HmacKey.of(otherKey))))
                .isEqualTo(new AuditVerification.Broken(1, AuditVerification.BreakKind.EDITED));
    }

    @Test
    void aLongChainVerifiesAcrossReadPages_M21() {
        int total = 2_345; // more than two of the pages AuditChain.verify reads
        for (int written = 0; written < total; written += 500) {
            int n = Math.min(500, total - written);
            storage.inTransaction(tx -> {
                for (int i = 0; i < n; i++) {
                    append(tx, event(i % 2 == 0 ? "consent.given" : "consent.withdrawn"));
                }
                return null;
            });
        }

        assertThat(verify(CHAIN)).isEqualTo(new AuditVerification.Intact(total, total, head().orElseThrow().link()));
        assertThat(records(1_000, 2)).extracting(AuditRecord::sequence).containsExactly(1_000L, 1_001L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static AuditEvent event(String action) {
        return new AuditEvent(T0, Actor.subject(), new AuditAction(action), Optional.of(hash("anna")),
                Optional.of(NEWSLETTER), AuditOutcome.SUCCESS, Optional.of(ConsentEvent.Kind.GIVEN.name()));
    }

    private static AuditRecord append(StorageTransaction tx, AuditEvent event) {
        return append(tx, CHAIN.next(tx.audit().head(), event));
    }

    private static AuditRecord append(StorageTransaction tx, AuditRecord record) {
        tx.audit().append(record);
        return record;
    }

    private Optional<AuditRecord> head() {
        return storage.read(tx -> tx.audit().head());
    }

    private List<AuditRecord> records(long fromSequence, int limit) {
        return storage.read(tx -> tx.audit().read(fromSequence, limit));
    }

    private List<AuditCheckpoint> checkpoints() {
        return storage.read(tx -> tx.audit().checkpoints());
    }

    private AuditVerification verify(AuditChain chain) {
        return storage.read(tx -> chain.verify(tx.audit(), List.of()));
    }
}
