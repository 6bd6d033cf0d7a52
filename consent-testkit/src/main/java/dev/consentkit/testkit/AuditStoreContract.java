package dev.consentkit.testkit;

import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static dev.consentkit.testkit.fixtures.ContractSamples.hash;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.VerifiedPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the audit port ({@link dev.consentkit.core.spi.AuditStore}) for every storage
 * adapter: pending entries that get growing ids and come back as written, a sequencer that moves them
 * into an append-only chain whose sequences are taken once, records and checkpoints that come back
 * exactly as written, and a chain that {@link AuditChain#verify} finds intact after ConsentKit wrote it
 * (M21). An adapter's test extends this class and implements {@link #createStorage()}.
 *
 * <p>Entry MACs and links are HMACs over every stored column, the time to the microsecond, so a store
 * that rounds a time or trims a text breaks verification; these tests catch that first.
 *
 * <p><b>Covers</b> {@code AuditStore} (pending entries, the sequencer lock, links, checkpoints, the verified point) in a {@code ConsentStorage}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports, for every test.
 */
public abstract class AuditStoreContract {
    private static final AuditChain CHAIN = new AuditChain(Fixtures.auditKey());
    private static final SubjectId ANNA = SubjectId.of("client-1001");

    /** The store under test, fresh for each test. */
    private ConsentStorage storage;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new store with no audit entries, records or checkpoints (and nothing else); it may share
     *         nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
    }

    @Test
    void aNewChainHasNoHeadEntriesRecordsOrCheckpoints() {
        assertThat(head()).isEmpty();
        assertThat(records(1, 100)).isEmpty();
        assertThat(pending()).isEmpty();
        assertThat(checkpoints()).isEmpty();
        assertThat(verifiedPoint()).isEmpty();
        assertThat(verify(CHAIN)).isEqualTo(new AuditVerification.Intact(0, 0, AuditChain.GENESIS));
    }

    @Test
    void entriesGetGrowingIdsAndWaitUntilTheSequencerLinksThem() {
        List<Long> ids = storage.inTransaction(tx -> List.of(add(tx, event("consent.given")),
                add(tx, event("consent.withdrawn"))));
        long third = storage.inTransaction(tx -> add(tx, event("processing.restricted")));
        assertThat(ids.get(0)).isPositive();
        assertThat(ids.get(1)).isGreaterThan(ids.get(0));
        assertThat(third).isGreaterThan(ids.get(1));
        assertThat(pending()).extracting(StoredAuditRow::entryId).containsExactly(ids.get(0), ids.get(1), third);
        assertThat(pending()).allSatisfy(p -> assertThat(p.isPending()).isTrue());
        assertThat(head()).isEmpty();

        List<StoredAuditRow> linked = sequence();

        assertThat(linked).extracting(StoredAuditRow::sequence).containsExactly(1L, 2L, 3L);
        assertThat(linked).extracting(StoredAuditRow::entryId).containsExactly(ids.get(0), ids.get(1), third);
        assertThat(pending()).isEmpty();
        assertThat(head()).contains(linked.get(2));
        assertThat(records(1, 100)).containsExactlyElementsOf(linked);
        assertThat(entries(List.of(third, ids.get(0)))).containsExactly(linked.get(0), linked.get(2));
    }

    /**
     * The read audits of a batch: many entries at once (627: every chunk size of a multi-row store, and
     * entries equal in every column, as reads of one field in the same microsecond are), each given its
     * own growing id, in the order given, and stored as written.
     */
    @Test
    void addAllGivesEachEntryItsOwnGrowingIdInOrderAndStoresItAsWritten() {
        long before = storage.inTransaction(tx -> add(tx, event("consent.given")));
        List<dev.consentkit.core.spi.AuditStore.NewEntry> batch = new ArrayList<>();
        for (int i = 0; i < 627; i++) {
            AuditEvent e = i % 100 < 3 ? event("field.opened") // three equal entries in every hundred
                    : new AuditEvent(T0.plus(i, java.time.temporal.ChronoUnit.MICROS), Actor.operator("desk-" + i % 7),
                            new AuditAction("field.opened"), Optional.of(hash("subject-" + i)), Optional.of(ORDERS),
                            AuditOutcome.SUCCESS, Optional.of("clients.email"));
            batch.add(new dev.consentkit.core.spi.AuditStore.NewEntry(e, Optional.empty(), CHAIN.entryMac(e, Optional.empty())));
        }

        long[] ids = storage.inTransaction(tx -> tx.audit().addAll(batch));

        assertThat(ids).hasSize(batch.size());
        assertThat(ids[0]).isGreaterThan(before);
        for (int i = 1; i < ids.length; i++) {
            assertThat(ids[i]).as("id %d", i).isGreaterThan(ids[i - 1]);
        }
        List<StoredAuditRow> stored = pending();
        assertThat(stored).hasSize(batch.size() + 1);
        for (int i = 0; i < ids.length; i++) {
            dev.consentkit.core.spi.AuditStore.NewEntry e = batch.get(i);
            assertThat(stored.get(i + 1)).isEqualTo(StoredAuditRow.pending(ids[i], e.event(), e.ledger(), e.mac()));
        }
        long[] none = storage.inTransaction(tx -> tx.audit().addAll(List.of()));
        assertThat(none).isEmpty();
        sequence();
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
    }

    /**
     * Ids reserved for entries linked at once (a batch of read audits) come from the series of
     * {@code add}: no entry written before or after gets one of them; the records appended with them
     * verify. A store that cannot reserve says so (empty) and refuses {@code appendLinked}.
     */
    @Test
    void reservedIdsComeFromTheEntrySeriesAndTheirRecordsLinkWithoutPendingRows() {
        long before = storage.inTransaction(tx -> add(tx, event("consent.given")));
        List<StoredAuditRow> first = sequence();
        Optional<long[]> reserved = storage.inTransaction(tx -> tx.audit().reserveIds(3));
        if (reserved.isEmpty()) {
            assertThatThrownBy(() -> storage.inTransaction(tx -> {
                tx.audit().appendLinked(List.of());
                return null;
            })).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        long[] ids = reserved.get();
        assertThat(ids).hasSize(3);
        assertThat(ids[0]).isGreaterThan(before);
        assertThat(ids[1]).isGreaterThan(ids[0]);
        assertThat(ids[2]).isGreaterThan(ids[1]);

        List<StoredAuditRow> linked = storage.inTransaction(tx -> {
            assertThat(tx.audit().lockSequencer(true)).isTrue();
            List<StoredAuditRow> rows = new ArrayList<>();
            for (long id : ids) {
                AuditEvent e = event("field.opened");
                rows.add(StoredAuditRow.pending(id, e, Optional.empty(), CHAIN.entryMac(e, Optional.empty())));
            }
            List<StoredAuditRow> l = CHAIN.link(tx.audit().head(), rows);
            tx.audit().appendLinked(l);
            return l;
        });
        long after = storage.inTransaction(tx -> add(tx, event("consent.withdrawn")));

        assertThat(pending()).extracting(StoredAuditRow::entryId).containsExactly(after);
        assertThat(after).isGreaterThan(ids[2]);
        assertThat(records(1, 100)).extracting(StoredAuditRow::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records(2, 3)).containsExactlyElementsOf(linked);
        assertThat(first).hasSize(1);
        sequence();
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aSequenceThatIsTakenConflictsAndChangesNothing() {
        storage.inTransaction(tx -> add(tx, event("consent.given")));
        List<StoredAuditRow> chain = sequence();
        storage.inTransaction(tx -> add(tx, event("consent.withdrawn")));
        StoredAuditRow next = storage.inTransaction(tx -> CHAIN.link(Optional.empty(), tx.audit().pending(10))).get(0);
        assertThat(next.sequence()).as("linked as if the chain were empty").isEqualTo(1);

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.audit().link(List.of(next));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(records(1, 100)).containsExactlyElementsOf(chain);
        assertThat(pending()).hasSize(1);
        assertThat(sequence()).singleElement().extracting(StoredAuditRow::sequence).isEqualTo(2L);
    }

    @Test
    void theSequencerLockIsFreeOutsideASequencerUnit() {
        assertThat(lockSequencer(false)).isTrue();
        assertThat(lockSequencer(true)).isTrue();
    }

    @Test
    void readStartsAtTheSequenceAskedForAndStopsAtTheLimit() {
        storage.inTransaction(tx -> {
            for (int i = 0; i < 6; i++) {
                add(tx, event("consent.given"));
            }
            return null;
        });
        List<StoredAuditRow> chain = sequence();

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
    void everyColumnOfAnEntryRoundTripsPendingAndLinked_M21() {
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
        LedgerBinding binding = new LedgerBinding(Long.MAX_VALUE / 3, "0123456789abcdef".repeat(4));

        List<StoredAuditRow> written = storage.inTransaction(tx -> {
            List<StoredAuditRow> rows = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Optional<LedgerBinding> ledger = i % 2 == 0 ? Optional.of(binding) : Optional.empty();
                String mac = CHAIN.entryMac(events.get(i), ledger);
                rows.add(StoredAuditRow.pending(tx.audit().add(events.get(i), ledger, mac), events.get(i), ledger, mac));
            }
            return rows;
        });

        assertThat(pending()).containsExactlyElementsOf(written);
        List<StoredAuditRow> linked = sequence();
        assertThat(records(1, 100)).containsExactlyElementsOf(linked);
        for (int i = 0; i < linked.size(); i++) {
            AuditRecord r = AuditChain.parse(linked.get(i));
            assertThat(r.isUnreadable()).isFalse();
            assertThat(r.event()).as("event of record %d", i + 1).isEqualTo(events.get(i));
            assertThat(r.ledger()).isEqualTo(i % 2 == 0 ? Optional.of(binding) : Optional.empty());
        }
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void checkpointsAndTheVerifiedPointRoundTrip() {
        storage.inTransaction(tx -> add(tx, event("consent.given")));
        StoredAuditRow first = sequence().get(0);
        AuditCheckpoint a = new AuditCheckpoint(first.sequence(), first.link(), T0.plus(1, java.time.temporal.ChronoUnit.MICROS));
        AuditCheckpoint b = new AuditCheckpoint(first.sequence(), first.link(), T0.plusSeconds(3600));
        storage.inTransaction(tx -> {
            tx.audit().saveMark(new AuditMark.Checkpoint(a));
            tx.audit().saveMark(new AuditMark.Checkpoint(b)); // a second checkpoint of the same head is kept too
            return null;
        });
        VerifiedPoint p1 = new VerifiedPoint(1, first.link(), 17, "client-«" + NON_ASCII + "»", 3, 123_456, "f".repeat(64));
        VerifiedPoint p2 = new VerifiedPoint(1, first.link(), 18, "", 3, 123_457, "e".repeat(64));
        storage.inTransaction(tx -> {
            tx.audit().saveMark(p1);
            return null;
        });
        assertThat(verifiedPoint()).contains(p1);
        storage.inTransaction(tx -> {
            tx.audit().saveMark(p2);
            return null;
        });

        assertThat(checkpoints()).containsExactly(a, b);
        assertThat(verifiedPoint()).contains(p2);
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aFailedUnitOfWorkLeavesEntriesAndChainAsTheyWere() {
        storage.inTransaction(tx -> add(tx, event("consent.given")));
        StoredAuditRow first = sequence().get(0);
        RuntimeException boom = new IllegalStateException("failed after the audit write");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            add(tx, event("consent.withdrawn"));
            tx.audit().link(CHAIN.link(tx.audit().head(), tx.audit().pending(10)));
            tx.audit().saveMark(new AuditMark.Checkpoint(new AuditCheckpoint(2, first.link(), T0)));
            throw boom;
        })).isSameAs(boom);

        assertThat(head()).contains(first);
        assertThat(pending()).isEmpty();
        assertThat(checkpoints()).isEmpty();
        storage.inTransaction(tx -> add(tx, event("processing.objected")));
        assertThat(sequence()).singleElement().extracting(StoredAuditRow::sequence).isEqualTo(2L);
        assertThat(verify(CHAIN)).isInstanceOf(AuditVerification.Intact.class);
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
        AuditCheckpoint checkpoint = AuditTrail.of(kit).checkpoint();
        clock.advance(Duration.ofDays(1));
        kit.liftObjection(ANNA, ORDERS, Actor.operator("dpo"));
        AuditTrail.of(kit).sequence();

        StoredAuditRow head = head().orElseThrow();
        assertThat(head.sequence()).isEqualTo(6);
        assertThat(AuditTrail.of(kit).records(1, 100)).extracting(r -> r.event().action()).containsExactly(
                AuditAction.CONSENT_GIVEN, AuditAction.CONSENT_WITHDRAWN, AuditAction.PROCESSING_RESTRICTED,
                AuditAction.PROCESSING_OBJECTED, AuditAction.SUPPRESSION_ADDED, AuditAction.OBJECTION_LIFTED);
        assertThat(AuditTrail.of(kit).records(1, 100)).filteredOn(r -> r.event().action().code().startsWith("consent."))
                .allSatisfy(r -> assertThat(r.ledger()).isPresent());
        assertThat(checkpoints()).containsExactly(checkpoint);
        AuditVerification.Intact intact = new AuditVerification.Intact(6, 6, head.link());
        assertThat(verify(CHAIN)).isEqualTo(intact);
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(intact);
        assertThat(AuditTrail.of(kit).verify(checkpoint)).isEqualTo(intact);
        assertThat(AuditTrail.of(kit).verifyLedger().isIntact()).isTrue();
        // the verification reads real MACs: under another key the first record fails
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
                    add(tx, event(i % 2 == 0 ? "consent.given" : "consent.withdrawn"));
                }
                return null;
            });
        }
        sequence();

        assertThat(verify(CHAIN)).isEqualTo(new AuditVerification.Intact(total, total, head().orElseThrow().link()));
        assertThat(records(1_000, 2)).extracting(StoredAuditRow::sequence).containsExactly(1_000L, 1_001L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static AuditEvent event(String action) {
        return new AuditEvent(T0, Actor.subject(), new AuditAction(action), Optional.of(hash("anna")),
                Optional.of(NEWSLETTER), AuditOutcome.SUCCESS, Optional.of(ConsentEvent.Kind.GIVEN.name()));
    }

    private static long add(StorageTransaction tx, AuditEvent event) {
        return tx.audit().add(event, Optional.empty(), CHAIN.entryMac(event, Optional.empty()));
    }

    /** The sequencer's work, in one unit per batch of 500: the linked rows. */
    private List<StoredAuditRow> sequence() {
        List<StoredAuditRow> all = new ArrayList<>();
        while (true) {
            List<StoredAuditRow> linked = storage.inTransaction(tx -> {
                assertThat(tx.audit().lockSequencer(true)).isTrue();
                List<StoredAuditRow> rows = CHAIN.link(tx.audit().head(), tx.audit().pending(500));
                tx.audit().link(rows);
                return rows;
            });
            if (linked.isEmpty()) {
                return all;
            }
            all.addAll(linked);
        }
    }

    private Optional<VerifiedPoint> verifiedPoint() {
        return storage.read(tx -> AuditMark.verifiedPoint(tx.audit().marks()));
    }

    private List<StoredAuditRow> entries(List<Long> ids) {
        return storage.read(tx -> tx.audit().entries(ids));
    }

    private boolean lockSequencer(boolean wait) {
        return storage.inTransaction(tx -> tx.audit().lockSequencer(wait));
    }

    private Optional<StoredAuditRow> head() {
        return storage.read(tx -> tx.audit().head());
    }

    private List<StoredAuditRow> pending() {
        return storage.read(tx -> tx.audit().pending(10_000));
    }

    private List<StoredAuditRow> records(long fromSequence, int limit) {
        return storage.read(tx -> tx.audit().read(fromSequence, limit));
    }

    private List<AuditCheckpoint> checkpoints() {
        return storage.read(tx -> AuditMark.checkpoints(tx.audit().marks()));
    }

    private AuditVerification verify(AuditChain chain) {
        return storage.read(tx -> chain.verify(tx.audit(), List.of()));
    }
}
