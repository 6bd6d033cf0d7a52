package dev.consentkit;

import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.spi.AuditMark;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.AuditVerification.BreakKind;
import dev.consentkit.core.audit.AuditVerification.Broken;
import dev.consentkit.core.internal.HmacKeyedHasher;
import dev.consentkit.core.internal.Micros;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.VerifiedPoint;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.LegacyAudit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * M21: the audit chain is tamper-evident. Whatever a person with write access to the audit table does
 * - change one column of one row to a valid or an invalid value, delete a row, move rows, cut the tail
 * - verification reports it at the row that was touched, and never throws.
 *
 * <p>The chain is kept in {@link ListAuditStore}, a store that (unlike every real one) lets the test
 * rewrite history. Chains mix records of link format 1 (written before schema v4; the encoding is
 * pinned here) with format 2 (entry MAC, linked by the sequencer).
 */
class AuditChainProperties {
    private static final AuditChain CHAIN = new AuditChain(Fixtures.auditKey());
    private static final HexFormat HEX = HexFormat.of();

    /** Every stored column of a record that an attacker could change. */
    enum Column {
        TIME, ACTOR_KIND, ACTOR_ID, ACTION, SUBJECT_REF, PURPOSE, OUTCOME, REFERENCE, LEDGER_SEQ, LEDGER_DIGEST,
        ENTRY_MAC, ENTRY_ID, FORMAT, PREVIOUS_LINK, LINK
    }

    /** A chain (the first {@code legacy} events written in format 1) and the position of one record in it. */
    record At(List<AuditEvent> events, int legacy, int index) {
    }

    /** An audit store over lists, in sequence order, that a test may edit behind the chain's back. */
    static final class ListAuditStore implements AuditStore {
        final List<StoredAuditRow> records = new ArrayList<>();
        final List<StoredAuditRow> pending = new ArrayList<>();
        final List<AuditCheckpoint> checkpoints = new ArrayList<>();
        long nextId = 1;

        static ListAuditStore chainOf(List<AuditEvent> events, int legacy) {
            ListAuditStore store = new ListAuditStore();
            for (int i = 0; i < events.size(); i++) {
                AuditEvent e = events.get(i);
                if (i < legacy) {
                    store.records.add(v1(store.records.size() + 1L, e, store.head().map(StoredAuditRow::link)
                            .orElse(AuditChain.GENESIS)));
                    store.nextId++;
                } else {
                    Optional<LedgerBinding> ledger = i % 3 == 0
                            ? Optional.of(new LedgerBinding(100 + i, HEX.formatHex(new byte[32]).replace('0', 'a')))
                            : Optional.empty();
                    store.add(e, ledger, CHAIN.entryMac(e, ledger));
                    store.link(CHAIN.link(store.head(), store.pending(10)));
                }
            }
            return store;
        }

        @Override
        public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
            long id = nextId++;
            pending.add(StoredAuditRow.pending(id, event, ledger, mac));
            return id;
        }

        @Override
        public boolean lockSequencer(boolean wait) {
            return true;
        }

        @Override
        public Optional<StoredAuditRow> head() {
            return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
        }

        @Override
        public List<StoredAuditRow> pending(int limit) {
            return pending.stream().limit(limit).toList();
        }

        @Override
        public void link(List<StoredAuditRow> linked) {
            records.addAll(linked);
            pending.removeIf(p -> linked.stream().anyMatch(l -> l.entryId() == p.entryId()));
        }

        @Override
        public List<StoredAuditRow> read(long fromSequence, int limit) {
            return records.stream().filter(r -> r.sequence() >= fromSequence).limit(limit).toList();
        }

        @Override
        public List<StoredAuditRow> entries(Collection<Long> entryIds) {
            return records.stream().filter(r -> entryIds.contains(r.entryId())).toList();
        }

        @Override
        public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
            throw new UnsupportedOperationException("the chain properties never read ledger bindings");
        }

        @Override
        public void saveMark(AuditMark mark) {
            checkpoints.add(((AuditMark.Checkpoint) mark).checkpoint());
        }

        @Override
        public List<AuditMark> marks() {
            return checkpoints.stream().<AuditMark>map(AuditMark.Checkpoint::new).toList();
        }
    }

    /** A record as ConsentKit wrote it before schema v4: the format-1 link, pinned here byte for byte. */
    static StoredAuditRow v1(long sequence, AuditEvent e, String previous) {
        String link = LegacyAudit.v1Link(Fixtures.auditKey(), sequence, e, previous);
        return new StoredAuditRow(sequence, sequence, StoredAuditRow.FORMAT_1, Micros.of(e.time(), "time"),
                e.actor().kind().name(), e.actor().id(), e.action().code(), e.subjectRef().map(KeyedHash::value),
                e.purpose().map(PurposeId::value), e.outcome().name(), e.reference(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), previous, link);
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

    static Arbitrary<At> at(int minSize, int fromEnd) {
        return events().list().ofMinSize(minSize).ofMaxSize(30).flatMap(events ->
                Combinators.combine(Arbitraries.integers().between(0, events.size()),
                        Arbitraries.integers().between(0, events.size() - fromEnd))
                        .as((legacy, index) -> new At(events, legacy, index)));
    }

    @Provide
    Arbitrary<At> anyRecord() {
        return at(1, 1);
    }

    @Provide
    Arbitrary<At> anyButTheLast() {
        return at(2, 2);
    }

    // ---- properties ----

    /** The ground truth: an untouched chain, legacy records first, verifies, with its head. */
    @Property(tries = 100)
    void anUntouchedChainVerifies_M21(@ForAll("anyRecord") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        StoredAuditRow head = store.head().orElseThrow();

        assertThat(CHAIN.verify(store, List.of()))
                .isEqualTo(new AuditVerification.Intact(at.events().size(), head.sequence(), head.link()));
        assertThat(store.records).allSatisfy(r -> assertThat(AuditChain.parse(r).isUnreadable()).isFalse());
    }

    /**
     * M21: change exactly one stored column of one record - to another valid value or to one no kit
     * writes (an unknown actor kind, action or outcome, bad hex, a missing value) - and the chain breaks
     * at that record as EDITED; verification and reading never throw.
     */
    @Property(tries = 400)
    void anySingleColumnEditBreaksTheChainAtThatRecord_M21(@ForAll("anyRecord") At at, @ForAll Column column,
                                                           @ForAll boolean valid, @ForAll("hexPositions") int position) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        StoredAuditRow original = store.records.get(at.index());
        StoredAuditRow edited = edit(original, column, valid, position);
        assertThat(edited).as("the edit changes the record").isNotEqualTo(original);
        store.records.set(at.index(), edited);

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(original.sequence(), BreakKind.EDITED));
        AuditRecord read = AuditChain.parse(edited);
        assertThat(read.sequence()).isEqualTo(original.sequence());
    }

    @Provide
    Arbitrary<Integer> hexPositions() {
        return Arbitraries.integers().between(0, 63);
    }

    /** M21: delete any record but the last, and the chain reports that sequence MISSING. */
    @Property(tries = 200)
    void deletingARecordIsReportedAsMissing_M21(@ForAll("anyButTheLast") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        StoredAuditRow deleted = store.records.remove(at.index());

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(deleted.sequence(), BreakKind.MISSING));
    }

    /**
     * M21: delete a record and renumber the rest to close the gap: the record now at the gap carries a
     * link that verifies under its old sequence, so it is reported REORDERED there.
     */
    @Property(tries = 200)
    void closingTheGapAfterADeletionIsReportedAtTheGap_M21(@ForAll("anyButTheLast") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        long gap = store.records.remove(at.index()).sequence();
        for (int i = at.index(); i < store.records.size(); i++) {
            store.records.set(i, renumbered(store.records.get(i), store.records.get(i).sequence() - 1));
        }

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(gap, BreakKind.REORDERED));
    }

    /**
     * M21: move two whole rows (swap their sequences): REORDERED at the first, since its link verifies
     * under the sequence it came from. Swap only their contents under the old links: EDITED there.
     */
    @Property(tries = 200)
    void movingRecordsIsReportedAtTheFirstMoved_M21(@ForAll("anyButTheLast") At at, @ForAll("offsets") int offset,
                                                    @ForAll boolean wholeRows) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        int i = at.index();
        int j = i + 1 + offset % (store.records.size() - i - 1);
        StoredAuditRow a = store.records.get(i);
        StoredAuditRow b = store.records.get(j);
        if (wholeRows) {
            store.records.set(i, renumbered(b, a.sequence()));
            store.records.set(j, renumbered(a, b.sequence()));
        } else {
            store.records.set(i, withContentOf(a, b));
            store.records.set(j, withContentOf(b, a));
        }
        AuditVerification result = CHAIN.verify(store, List.of());

        if (!wholeRows && sameContent(a, b)) {
            // two identical events in the same format: swapping them changes nothing that could be seen
            assertThat(result.isIntact()).isTrue();
        } else {
            assertThat(result).isEqualTo(new Broken(a.sequence(), wholeRows ? BreakKind.REORDERED : BreakKind.EDITED));
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
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        StoredAuditRow checkpointed = store.records.get(at.index());
        AuditCheckpoint checkpoint = new AuditCheckpoint(checkpointed.sequence(), checkpointed.link(),
                Instant.parse("2026-01-01T00:00:00Z"));
        if (!trustedOutsideTheStore) {
            store.saveMark(new AuditMark.Checkpoint(checkpoint));
        }
        int keep = keepOffset % (at.index() + 1); // 0 .. index: at least the checkpointed record goes
        store.records.subList(keep, store.records.size()).clear();

        AuditVerification result = CHAIN.verify(store, trustedOutsideTheStore ? List.of(checkpoint) : List.of());

        assertThat(result).isEqualTo(new Broken(keep + 1L, BreakKind.TRUNCATED));
    }

    /** Without a checkpoint a cut tail cannot be seen; with one, the chain up to it still verifies. */
    @Property(tries = 100)
    void aCheckpointedChainVerifiesAndACutWithoutCheckpointIsInvisible(@ForAll("anyRecord") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        StoredAuditRow head = store.head().orElseThrow();
        store.saveMark(new AuditMark.Checkpoint(new AuditCheckpoint(head.sequence(), head.link(), Instant.EPOCH)));
        assertThat(CHAIN.verify(store, List.of()).isIntact()).isTrue();

        store.checkpoints.clear();
        store.records.subList(at.index(), store.records.size()).clear();
        // why a host should keep checkpoints outside the database: this is what they catch
        assertThat(CHAIN.verify(store, List.of()).isIntact()).isTrue();
    }

    /** M21: an entry forged into the pending table without the key is linked like any other and fails there. */
    @Property(tries = 100)
    void aForgedEntryIsLinkedAndReportedEditedAtItsSequence_M21(@ForAll("anyRecord") At at, @ForAll("anyEvent") AuditEvent e) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        String mac = CHAIN.entryMac(e, Optional.empty());
        // one hex digit changed: always a different MAC (replacing letters missed a MAC without them)
        store.add(e, Optional.empty(), (mac.charAt(0) == '0' ? "1" : "0") + mac.substring(1));
        store.link(CHAIN.link(store.head(), store.pending(10)));
        long forged = store.head().orElseThrow().sequence();

        assertThat(CHAIN.verify(store, List.of())).isEqualTo(new Broken(forged, BreakKind.EDITED));
    }

    @Provide
    Arbitrary<AuditEvent> anyEvent() {
        return events();
    }

    /**
     * M21: the entry MAC of a new event (computed straight from the event, for every read audit) is the
     * MAC verification computes from the stored row of that event, with and without a ledger binding,
     * also for text with unpaired surrogates.
     */
    @Property(tries = 300)
    void theEntryMacOfAnEventIsTheEntryMacOfItsStoredRow_M21(@ForAll("anyEvent") AuditEvent event,
                                                            @ForAll boolean bound, @ForAll boolean oddText) {
        AuditChain chain = new AuditChain(Fixtures.auditKey());
        AuditEvent e = oddText ? new AuditEvent(event.time(), event.actor(), event.action(),
                event.subjectRef(), event.purpose(), event.outcome(), Optional.of("ref \uDC00 x")) : event;
        Optional<LedgerBinding> ledger = bound ? Optional.of(new LedgerBinding(42, "ab".repeat(32))) : Optional.empty();

        assertThat(chain.entryMac(e, ledger))
                .isEqualTo(chain.entryMac(dev.consentkit.core.spi.StoredAuditRow.pending(7, e, ledger, "0".repeat(64))));
    }

    /** M21: verifying under another audit key fails at the first record. */
    @Property(tries = 100)
    void aWrongAuditKeyFailsAtTheFirstRecord_M21(@ForAll("anyRecord") At at, @ForAll("otherKeys") HmacKey key) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());

        assertThat(new AuditChain(key).verify(store, List.of())).isEqualTo(new Broken(1, BreakKind.EDITED));
    }

    @Provide
    Arbitrary<HmacKey> otherKeys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(HmacKey.MIN_BYTES).ofMaxSize(64)
                .map(HmacKey::of)
                .filter(k -> !k.equals(Fixtures.auditKey()));
    }

    /** A copy of the chain read out through the trail (parsed records) verifies like the store. */
    @Property(tries = 50)
    void aParsedCopyOfTheChainVerifies(@ForAll("anyRecord") At at) {
        ListAuditStore store = ListAuditStore.chainOf(at.events(), at.legacy());
        List<AuditRecord> copy = store.records.stream().map(AuditChain::parse).toList();

        assertThat(CHAIN.verify(copy, List.of())).isEqualTo(CHAIN.verify(store, List.of()));
    }

    // ---- editing ----

    /** @return a copy of {@code r} in which exactly {@code column} differs */
    static StoredAuditRow edit(StoredAuditRow r, Column column, boolean valid, int position) {
        String anyHex = flip(r.link(), position);
        return switch (column) {
            case TIME -> row(r).time(r.timeMicros() + 1 + position).build();
            case ACTOR_KIND -> row(r).actorKind(valid ? (r.actorKind().equals("SYSTEM") ? "OPERATOR" : "SYSTEM")
                    : "INTRUDER").build();
            case ACTOR_ID -> row(r).actorId(valid ? Optional.of(r.actorId().orElse("x") + "z")
                    : r.actorId().isPresent() ? Optional.empty() : Optional.of("bad id with blanks")).build();
            case ACTION -> row(r).action(valid ? (r.action().equals("consent.given") ? "consent.withdrawn" : "consent.given")
                    : "NOT AN ACTION").build();
            case SUBJECT_REF -> row(r).subjectRef(valid ? Optional.of(flip(r.subjectRef().orElse("A".repeat(43)),
                    position % 43)) : Optional.of("not-a-hash")).build();
            case PURPOSE -> row(r).purpose(valid ? (r.purpose().isPresent() ? Optional.empty() : Optional.of("profiling"))
                    : Optional.of("Not A Purpose")).build();
            case OUTCOME -> row(r).outcome(valid ? (r.outcome().equals("SUCCESS") ? "DENIED" : "SUCCESS") : "MAYBE").build();
            case REFERENCE -> row(r).reference(valid ? Optional.of(flip(r.reference().orElse("reference"), position % 9))
                    : Optional.of(" ")).build();
            case LEDGER_SEQ -> row(r).ledgerSequence(r.ledgerSequence().isPresent()
                    ? OptionalLong.of(r.ledgerSequence().getAsLong() + 1) : OptionalLong.of(valid ? 7 : -7)).build();
            case LEDGER_DIGEST -> row(r).ledgerDigest(valid ? Optional.of(anyHex) : Optional.of("zz")).build();
            case ENTRY_MAC -> row(r).entryMac(r.entryMac().isPresent()
                    ? (valid ? Optional.of(flip(r.entryMac().get(), position)) : Optional.empty())
                    : Optional.of(anyHex)).build();
            case ENTRY_ID -> row(r).entryId(valid ? r.entryId() + 1000 : 0).build();
            case FORMAT -> row(r).format(valid ? 3 - r.format() : 9).build();
            case PREVIOUS_LINK -> row(r).previous(valid ? flip(r.previousLink(), position) : "not hex").build();
            case LINK -> row(r).link(valid ? anyHex : "").build();
        };
    }

    private static StoredAuditRow renumbered(StoredAuditRow r, long sequence) {
        return row(r).sequence(sequence).build();
    }

    /** {@code target} with the event, binding and MAC of {@code source}, keeping its own links and ids. */
    private static StoredAuditRow withContentOf(StoredAuditRow target, StoredAuditRow source) {
        return new StoredAuditRow(target.sequence(), target.entryId(), source.format(), source.timeMicros(),
                source.actorKind(), source.actorId(), source.action(), source.subjectRef(), source.purpose(),
                source.outcome(), source.reference(), source.ledgerSequence(), source.ledgerDigest(), source.entryMac(),
                target.previousLink(), target.link());
    }

    private static boolean sameContent(StoredAuditRow a, StoredAuditRow b) {
        return withContentOf(a, b).equals(a) && a.entryId() == b.entryId();
    }

    /** Changes one character into another that is valid hex and base64url. */
    private static String flip(String s, int position) {
        char[] chars = s.toCharArray();
        int p = position % chars.length;
        chars[p] = chars[p] == '0' ? '1' : '0';
        return new String(chars);
    }

    private static RowBuilder row(StoredAuditRow r) {
        return new RowBuilder(r);
    }

    /** Copies a stored row with one column changed. */
    private static final class RowBuilder {
        private long sequence;
        private long entryId;
        private int format;
        private long time;
        private String actorKind;
        private Optional<String> actorId;
        private String action;
        private Optional<String> subjectRef;
        private Optional<String> purpose;
        private String outcome;
        private Optional<String> reference;
        private OptionalLong ledgerSequence;
        private Optional<String> ledgerDigest;
        private Optional<String> entryMac;
        private String previous;
        private String link;

        RowBuilder(StoredAuditRow r) {
            sequence = r.sequence();
            entryId = r.entryId();
            format = r.format();
            time = r.timeMicros();
            actorKind = r.actorKind();
            actorId = r.actorId();
            action = r.action();
            subjectRef = r.subjectRef();
            purpose = r.purpose();
            outcome = r.outcome();
            reference = r.reference();
            ledgerSequence = r.ledgerSequence();
            ledgerDigest = r.ledgerDigest();
            entryMac = r.entryMac();
            previous = r.previousLink();
            link = r.link();
        }

        RowBuilder sequence(long v) { sequence = v; return this; }
        RowBuilder entryId(long v) { entryId = v; return this; }
        RowBuilder format(int v) { format = v; return this; }
        RowBuilder time(long v) { time = v; return this; }
        RowBuilder actorKind(String v) { actorKind = v; return this; }
        RowBuilder actorId(Optional<String> v) { actorId = v; return this; }
        RowBuilder action(String v) { action = v; return this; }
        RowBuilder subjectRef(Optional<String> v) { subjectRef = v; return this; }
        RowBuilder purpose(Optional<String> v) { purpose = v; return this; }
        RowBuilder outcome(String v) { outcome = v; return this; }
        RowBuilder reference(Optional<String> v) { reference = v; return this; }
        RowBuilder ledgerSequence(OptionalLong v) { ledgerSequence = v; return this; }
        RowBuilder ledgerDigest(Optional<String> v) { ledgerDigest = v; return this; }
        RowBuilder entryMac(Optional<String> v) { entryMac = v; return this; }
        RowBuilder previous(String v) { previous = v; return this; }
        RowBuilder link(String v) { link = v; return this; }

        StoredAuditRow build() {
            return new StoredAuditRow(sequence, entryId, format, time, actorKind, actorId, action, subjectRef, purpose,
                    outcome, reference, ledgerSequence, ledgerDigest, entryMac, previous, link);
        }
    }
}
