package dev.consentkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.AuditVerification.BreakKind;
import dev.consentkit.core.audit.AuditVerification.Broken;
import dev.consentkit.core.internal.HmacKeyedHasher;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * M21: the audit chain is tamper-evident. Whatever a person with write access to the audit table
 * does - change one field of one row, delete a row, swap two rows, cut the tail - verification
 * fails, and it fails at the row that was touched.
 *
 * <p>The chain is kept in {@link ListAuditStore}, a store that (unlike every real one) lets the test
 * rewrite history.
 */
class AuditChainProperties {
    private static final AuditChain CHAIN = new AuditChain(Fixtures.auditKey());

    /** Every field of a stored record that an attacker could change. */
    enum Field { TIME, ACTOR, ACTION, SUBJECT_REF, PURPOSE, OUTCOME, REFERENCE, PREVIOUS_LINK, LINK }

    /** A verified chain and the position of one record in it. */
    record At(List<AuditEvent> events, int index) {
    }

    /** An audit store over a list, in sequence order, that a test may edit behind the chain's back. */
    static final class ListAuditStore implements AuditStore {
        final List<AuditRecord> records = new ArrayList<>();
        final List<AuditCheckpoint> checkpoints = new ArrayList<>();

        static ListAuditStore chainOf(List<AuditEvent> events) {
            ListAuditStore store = new ListAuditStore();
            events.forEach(e -> store.append(CHAIN.next(store.head(), e)));
            return store;
        }

        @Override
        public Optional<AuditRecord> head() {
            return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
        }

        @Override
        public void append(AuditRecord record) {
            records.add(record);
        }

        @Override
        public List<AuditRecord> read(long fromSequence, int limit) {
            return records.stream().filter(r -> r.sequence() >= fromSequence).limit(limit).toList();
        }

        @Override
        public void addCheckpoint(AuditCheckpoint checkpoint) {
            checkpoints.add(checkpoint);
        }

        @Override
        public List<AuditCheckpoint> checkpoints() {
            return List.copyOf(checkpoints);
        }
    }

    // ---- generators ----

    static Arbitrary<AuditEvent> events() {
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 10L * 365 * 24 * 3600 * 1000)
                .map(ms -> Instant.parse("2026-01-01T00:00:00Z").plusMillis(ms));
        Arbitrary<Actor> actors = Arbitraries.oneOf(Arbitraries.just(Actor.subject()),
                Arbitraries.of("desk-1", "dpo", "guardian-7").map(Actor::operator),
                Arbitraries.of("expiry-sweep", "notice-sweep").map(Actor::system));
        Arbitrary<AuditAction> actions = Arbitraries.of(AuditAction.CONSENT_GIVEN, AuditAction.CONSENT_WITHDRAWN,
                AuditAction.PROCESSING_RESTRICTED, AuditAction.SUPPRESSION_ADDED, new AuditAction("key.shredded"));
        HmacKeyedHasher hasher = new HmacKeyedHasher(Fixtures.pseudonymKey());
        Arbitrary<Optional<KeyedHash>> subjectRefs = Arbitraries.integers().between(1, 9)
                .map(i -> hasher.hash("subject", "client-" + i)).optional();
        Arbitrary<Optional<PurposeId>> purposes = Arbitraries.of("newsletter", "portfolio", "invoices")
                .map(PurposeId::of).optional();
        Arbitrary<Optional<String>> references = Arbitraries.longs().map(l -> new UUID(l, ~l).toString()).optional();
        return Combinators.combine(times, actors, actions, subjectRefs, purposes, Arbitraries.of(AuditOutcome.class),
                references).as(AuditEvent::new);
    }

    static Arbitrary<List<AuditEvent>> chains(int minSize) {
        return events().list().ofMinSize(minSize).ofMaxSize(30);
    }

    @Provide
    Arbitrary<At> anyRecord() {
        return chains(1).flatMap(events -> Arbitraries.integers().between(0, events.size() - 1)
                .map(i -> new At(events, i)));
    }

    @Provide
    Arbitrary<At> anyButTheLast() {
        return chains(2).flatMap(events -> Arbitraries.integers().between(0, events.size() - 2)
                .map(i -> new At(events, i)));
    }

    // ---- properties ----

    /** The ground truth: an untouched chain verifies, with its head. */
    @Property(tries = 100)
    void anUntouchedChainVerifies_M21(@ForAll("anyRecord") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        AuditRecord head = store.head().orElseThrow();

        assertThat(CHAIN.verify(store, List.of()))
                .isEqualTo(new AuditVerification.Intact(at.events().size(), head.sequence(), head.link()));
    }

    /** M21: change exactly one field of one record, and the chain breaks at that record as EDITED. */
    @Property(tries = 300)
    void anySingleFieldEditBreaksTheChainAtThatRecord_M21(@ForAll("anyRecord") At at, @ForAll Field field,
                                                         @ForAll("hexPositions") int position) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        AuditRecord original = store.records.get(at.index());
        AuditRecord edited = edit(original, field, position);
        assertThat(edited).as("the edit changes the record").isNotEqualTo(original);
        assertThat(edited.sequence()).isEqualTo(original.sequence());
        store.records.set(at.index(), edited);

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(original.sequence(), BreakKind.EDITED));
    }

    @Provide
    Arbitrary<Integer> hexPositions() {
        return Arbitraries.integers().between(0, 63);
    }

    /** M21: delete any record but the last, and the chain reports that sequence MISSING. */
    @Property(tries = 200)
    void deletingARecordIsReportedAsMissing_M21(@ForAll("anyButTheLast") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        AuditRecord deleted = store.records.remove(at.index());

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(deleted.sequence(), BreakKind.MISSING));
    }

    /** M21: delete a record and renumber the rest to close the gap: the first renumbered record is EDITED. */
    @Property(tries = 200)
    void closingTheGapAfterADeletionBreaksTheChain_M21(@ForAll("anyButTheLast") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        long gap = store.records.remove(at.index()).sequence();
        for (int i = at.index(); i < store.records.size(); i++) {
            AuditRecord r = store.records.get(i);
            store.records.set(i, new AuditRecord(r.sequence() - 1, r.event(), r.previousLink(), r.link()));
        }

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(gap, BreakKind.EDITED));
    }

    /** M21: swap the contents of two records, keeping their sequences: broken at the first of them. */
    @Property(tries = 200)
    void swappingTwoRecordsBreaksTheChainAtTheFirst_M21(@ForAll("anyButTheLast") At at,
                                                        @ForAll("offsets") int offset,
                                                        @ForAll boolean eventsOnly) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        int i = at.index();
        int j = i + 1 + offset % (store.records.size() - i - 1);
        AuditRecord a = store.records.get(i);
        AuditRecord b = store.records.get(j);
        if (eventsOnly) {
            store.records.set(i, new AuditRecord(a.sequence(), b.event(), a.previousLink(), a.link()));
            store.records.set(j, new AuditRecord(b.sequence(), a.event(), b.previousLink(), b.link()));
        } else {
            store.records.set(i, new AuditRecord(a.sequence(), b.event(), b.previousLink(), b.link()));
            store.records.set(j, new AuditRecord(b.sequence(), a.event(), a.previousLink(), a.link()));
        }
        AuditVerification result = CHAIN.verify(store, List.of());

        if (eventsOnly && a.event().equals(b.event())) {
            // two identical events: swapping them changes nothing that could be detected
            assertThat(result.isIntact()).isTrue();
        } else {
            assertThat(result).isEqualTo(new Broken(a.sequence(), BreakKind.EDITED));
        }
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** M21: cut the tail after a checkpoint (kept in the store or outside it): TRUNCATED after the new head. */
    @Property(tries = 200)
    void cuttingTheTailAfterACheckpointIsReportedAsTruncated_M21(@ForAll("anyRecord") At at,
                                                                @ForAll("offsets") int keepOffset,
                                                                @ForAll boolean trustedOutsideTheStore) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        AuditRecord checkpointed = store.records.get(at.index());
        AuditCheckpoint checkpoint = new AuditCheckpoint(checkpointed.sequence(), checkpointed.link(),
                checkpointed.event().time());
        if (!trustedOutsideTheStore) {
            store.addCheckpoint(checkpoint);
        }
        int keep = keepOffset % (at.index() + 1); // 0 .. index: at least the checkpointed record goes
        store.records.subList(keep, store.records.size()).clear();

        AuditVerification result = CHAIN.verify(store, trustedOutsideTheStore ? List.of(checkpoint) : List.of());

        assertThat(result).isEqualTo(new Broken(keep + 1L, BreakKind.TRUNCATED));
    }

    /** Without a checkpoint a cut tail cannot be seen; with one, the chain up to it still verifies. */
    @Property(tries = 100)
    void aCheckpointedChainVerifiesAndACutWithoutCheckpointIsInvisible(@ForAll("anyRecord") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());
        AuditRecord head = store.head().orElseThrow();
        store.addCheckpoint(new AuditCheckpoint(head.sequence(), head.link(), head.event().time()));
        assertThat(CHAIN.verify(store, List.of()).isIntact()).isTrue();

        store.checkpoints.clear();
        store.records.subList(at.index(), store.records.size()).clear();
        // why a host should keep checkpoints outside the database: this is what they catch
        assertThat(CHAIN.verify(store, List.of()).isIntact()).isTrue();
    }

    /** M21: verifying under another audit key fails at the first record. */
    @Property(tries = 100)
    void aWrongAuditKeyFailsAtTheFirstRecord_M21(@ForAll("anyRecord") At at, @ForAll("otherKeys") HmacKey key) {
        ListAuditStore store = ListAuditStore.chainOf(at.events());

        assertThat(new AuditChain(key).verify(store, List.of())).isEqualTo(new Broken(1, BreakKind.EDITED));
    }

    @Provide
    Arbitrary<HmacKey> otherKeys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(HmacKey.MIN_BYTES).ofMaxSize(64)
                .map(HmacKey::of)
                .filter(k -> !k.equals(Fixtures.auditKey()));
    }

    // ---- editing ----

    /** @return a copy of {@code r} in which exactly {@code field} differs */
    static AuditRecord edit(AuditRecord r, Field field, int position) {
        AuditEvent e = r.event();
        return switch (field) {
            case TIME -> withEvent(r, new AuditEvent(e.time().plus(Duration.ofMillis(1 + position)), e.actor(),
                    e.action(), e.subjectRef(), e.purpose(), e.outcome(), e.reference()));
            case ACTOR -> withEvent(r, new AuditEvent(e.time(),
                    e.actor().equals(Actor.operator("intruder")) ? Actor.subject() : Actor.operator("intruder"),
                    e.action(), e.subjectRef(), e.purpose(), e.outcome(), e.reference()));
            case ACTION -> withEvent(r, new AuditEvent(e.time(), e.actor(),
                    e.action().equals(AuditAction.CONSENT_GIVEN) ? AuditAction.CONSENT_WITHDRAWN : AuditAction.CONSENT_GIVEN,
                    e.subjectRef(), e.purpose(), e.outcome(), e.reference()));
            case SUBJECT_REF -> withEvent(r, new AuditEvent(e.time(), e.actor(), e.action(),
                    Optional.of(new KeyedHash(flip(e.subjectRef().map(KeyedHash::value).orElse("A".repeat(43)),
                            position % 43))),
                    e.purpose(), e.outcome(), e.reference()));
            case PURPOSE -> withEvent(r, new AuditEvent(e.time(), e.actor(), e.action(), e.subjectRef(),
                    e.purpose().isPresent() && position % 2 == 0 ? Optional.empty() : Optional.of(PurposeId.of("profiling")),
                    e.outcome(), e.reference()));
            case OUTCOME -> withEvent(r, new AuditEvent(e.time(), e.actor(), e.action(), e.subjectRef(), e.purpose(),
                    AuditOutcome.values()[(e.outcome().ordinal() + 1) % AuditOutcome.values().length], e.reference()));
            case REFERENCE -> withEvent(r, new AuditEvent(e.time(), e.actor(), e.action(), e.subjectRef(), e.purpose(),
                    e.outcome(), Optional.of(flip(e.reference().orElse("reference"), position % 9))));
            case PREVIOUS_LINK -> new AuditRecord(r.sequence(), e, flip(r.previousLink(), position), r.link());
            case LINK -> new AuditRecord(r.sequence(), e, r.previousLink(), flip(r.link(), position));
        };
    }

    private static AuditRecord withEvent(AuditRecord r, AuditEvent e) {
        return new AuditRecord(r.sequence(), e, r.previousLink(), r.link());
    }

    /** Changes one character into another that is valid hex and base64url. */
    private static String flip(String s, int position) {
        char[] chars = s.toCharArray();
        chars[position] = chars[position] == '0' ? '1' : '0';
        return new String(chars);
    }
}
