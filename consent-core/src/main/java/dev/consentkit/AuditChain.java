package dev.consentkit;

import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.internal.Canonical;
import dev.consentkit.core.internal.Hmac;
import dev.consentkit.core.internal.Micros;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.StoredLedgerRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The MACs of the audit trail under the host's audit key, and the verification of a stored chain.
 *
 * <ul>
 *   <li>entry MAC (written with the entry): {@code HMAC(key, canonical("consentkit.audit.entry.v2",
 *       time, actor, action, subject reference, purpose, outcome, reference, ledger sequence, ledger
 *       digest))};</li>
 *   <li>link (written by the sequencer): {@code HMAC(key, previousLink || canonical("consentkit.audit.v2",
 *       sequence, entry id, entry MAC))}; records written before schema v4 keep the format-1 link
 *       {@code HMAC(key, previousLink || canonical("consentkit.audit.v1", sequence, event))};</li>
 *   <li>ledger digest: {@code HMAC(key, canonical("consentkit.ledger.v1", every stored column of a
 *       ledger row))}.</li>
 * </ul>
 *
 * <p>Everything is computed over the stored text of a row ({@link StoredAuditRow},
 * {@link StoredLedgerRow}), never over values parsed from it, so a malformed row is a MAC that fails,
 * not an exception. Immutable and thread-safe.
 */
public final class AuditChain {
    /** The previous link of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /**
     * How far from where it stands a record whose link does not verify is looked for: a record whose
     * link verifies under a sequence within this distance is reported {@code REORDERED}.
     */
    public static final int REORDER_WINDOW = 1_000;
    private static final int PAGE = 1_000;
    private static final HexFormat HEX = HexFormat.of();
    private final Hmac hmac;

    /**
     * @param auditKey the host's audit key
     */
    public AuditChain(HmacKey auditKey) {
        this.hmac = new Hmac(Objects.requireNonNull(auditKey, "auditKey"));
    }

    /**
     * @param event an event
     * @param ledger the ledger row it records, if any
     * @return its entry MAC, 64 lower-case hex characters
     * @throws IllegalArgumentException if the event time has sub-microsecond precision
     */
    public String entryMac(AuditEvent event, Optional<LedgerBinding> ledger) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ledger, "ledger");
        // the same encoding as entryMac(StoredAuditRow.pending(...)), without building the row (every read audit)
        Canonical c = new Canonical("consentkit.audit.entry.v2")
                .add(Micros.of(event.time(), "audit time"))
                .add(text(event.actor().kind().name()))
                .add(text(event.actor().id()))
                .add(text(event.action().code()))
                .add(event.subjectRef().isPresent() ? text(event.subjectRef().get().value()) : null)
                .add(event.purpose().isPresent() ? text(event.purpose().get().value()) : null)
                .add(text(event.outcome().name()))
                .add(text(event.reference()))
                .add(ledger.isPresent() ? Long.toString(ledger.get().sequence()) : null)
                .add(ledger.isPresent() ? text(ledger.get().digest()) : null);
        return HEX.formatHex(hmac.mac(c.bytes()));
    }

    /**
     * @param row a stored entry
     * @return the entry MAC of its stored content
     */
    String entryMac(StoredAuditRow row) {
        Canonical c = new Canonical("consentkit.audit.entry.v2")
                .add(row.timeMicros())
                .add(text(row.actorKind()))
                .add(text(row.actorId()))
                .add(text(row.action()))
                .add(text(row.subjectRef()))
                .add(text(row.purpose()))
                .add(text(row.outcome()))
                .add(text(row.reference()))
                .add(row.ledgerSequence().isPresent() ? Long.toString(row.ledgerSequence().getAsLong()) : null)
                .add(text(row.ledgerDigest()));
        return HEX.formatHex(hmac.mac(c.bytes()));
    }

    /**
     * The digest an audit entry binds for a ledger row: over its sequence, its event id and every other
     * stored column.
     *
     * @param row a ledger row as stored
     * @return the digest, 64 lower-case hex characters
     */
    public String ledgerDigest(StoredLedgerRow row) {
        Objects.requireNonNull(row, "row");
        Canonical c = new Canonical("consentkit.ledger.v1")
                .add(row.sequence())
                .add(text(row.eventId()))
                .add(text(row.subjectId()))
                .add(text(row.purposeId()))
                .add(text(row.channel()))
                .add(text(row.assetId()))
                .add(text(row.kind()))
                .add(row.occurredAtMicros())
                .add(row.recordedAtMicros())
                .add(text(row.noticeId()))
                .add(text(row.noticeVersion()))
                .add(text(row.noticeLocale()))
                .add(text(row.noticeSha256()))
                .add(text(row.method()))
                .add(text(row.formId()))
                .add(text(row.ipHash()))
                .add(text(row.uaHash()))
                .add(text(row.actorKind()))
                .add(text(row.actorId()))
                .add(text(row.guardianId()))
                .add(text(row.attachmentRef()))
                .add(row.validUntilMicros().isPresent() ? Long.toString(row.validUntilMicros().getAsLong()) : null)
                .add(text(row.idempotencyKey()))
                .add(text(row.requestDigest()));
        return HEX.formatHex(hmac.mac(c.bytes()));
    }

    /**
     * Links pending entries after the head: the sequencer's step.
     *
     * @param head the chain's head, empty for an empty chain
     * @param pending pending entries in the order they are to be linked
     * @return the entries with their sequences and links, in order
     */
    public List<StoredAuditRow> link(Optional<StoredAuditRow> head, List<StoredAuditRow> pending) {
        long sequence = head.map(StoredAuditRow::sequence).orElse(0L);
        String previous = head.map(StoredAuditRow::link).orElse(GENESIS);
        List<StoredAuditRow> linked = new ArrayList<>(pending.size());
        for (StoredAuditRow p : pending) {
            sequence++;
            String link = linkV2(previous, sequence, p.entryId(), p.entryMac().orElse(""));
            linked.add(p.linked(sequence, previous, link));
            previous = link;
        }
        return linked;
    }

    /**
     * @param point a verified point
     * @return the MAC its other fields must carry
     */
    String pointMac(dev.consentkit.core.spi.VerifiedPoint point) {
        Canonical c = new Canonical("consentkit.verified-point.v1")
                .add(point.auditSequence())
                .add(text(point.auditLink()))
                .add(point.ledgerHigh())
                .add(text(point.sweepAfter()))
                .add(point.legacyUntil())
                .add(point.timeMicros());
        return HEX.formatHex(hmac.mac(c.bytes()));
    }

    /**
     * @param point a stored verified point
     * @return whether its MAC matches
     */
    boolean pointMacMatches(dev.consentkit.core.spi.VerifiedPoint point) {
        try {
            return same(pointMac(point), point.mac());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * @param row an entry, pending or linked
     * @return whether its entry MAC matches its stored content (false for format 1, which has none)
     */
    public boolean entryMacMatches(StoredAuditRow row) {
        if (row.format() != StoredAuditRow.FORMAT_2 || row.entryMac().isEmpty()) {
            return false;
        }
        try {
            return same(entryMac(row), row.entryMac().get());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Verifies every record of a store, page by page, and each checkpoint against it. Never throws on
     * what it reads: a row that does not verify is reported at its sequence.
     *
     * <p>{@link AuditVerification.BreakKind#REORDERED} is reported for a record whose stored link
     * verifies under another sequence within {@value #REORDER_WINDOW} positions, and for an intact
     * record whose previous link is not the link of the record before it; a record moved further, or
     * moved and edited, is reported {@link AuditVerification.BreakKind#EDITED}. A cut of the chain's
     * tail is found only against a checkpoint beyond the new head
     * ({@link AuditVerification.BreakKind#TRUNCATED}); a stored checkpoint can be deleted with the
     * tail, so keep one outside the database.
     *
     * @param store the store
     * @param trusted checkpoints kept outside the store, checked with the store's own
     * @return {@link AuditVerification.Intact}, or the first broken link
     */
    public AuditVerification verify(AuditStore store, Collection<AuditCheckpoint> trusted) {
        List<AuditCheckpoint> all = new ArrayList<>(AuditMark.checkpoints(store.marks()));
        all.addAll(trusted);
        return verifyFrom(store, 0, GENESIS, all);
    }

    /**
     * Verifies the records after an anchor that was verified before (its link must still be stored).
     *
     * @param store the store
     * @param anchorSequence the anchor's sequence, 0 for the start
     * @param anchorLink the anchor's link as verified then
     * @param checkpoints checkpoints to hold the chain against
     * @return intact (counting the records after the anchor), or the first broken link
     */
    AuditVerification verifyFrom(AuditStore store, long anchorSequence, String anchorLink,
                                 Collection<AuditCheckpoint> checkpoints) {
        if (anchorSequence > 0) {
            List<StoredAuditRow> anchor = store.read(anchorSequence, 1);
            if (anchor.isEmpty() || anchor.get(0).sequence() != anchorSequence) {
                return new AuditVerification.Broken(anchorSequence, AuditVerification.BreakKind.TRUNCATED);
            }
            if (!same(anchor.get(0).link(), anchorLink)) {
                return new AuditVerification.Broken(anchorSequence, AuditVerification.BreakKind.CHECKPOINT_MISMATCH);
            }
        }
        Verifier verifier = new Verifier(checkpoints, anchorSequence, anchorLink);
        long next = anchorSequence + 1;
        while (true) {
            List<StoredAuditRow> page = store.read(next, PAGE);
            if (page.isEmpty()) {
                return verifier.finish();
            }
            for (StoredAuditRow r : page) {
                Optional<AuditVerification.Broken> broken = verifier.accept(r);
                if (broken.isPresent()) {
                    return broken.get();
                }
            }
            next = page.get(page.size() - 1).sequence() + 1;
        }
    }

    /**
     * Verifies a copy of the chain taken out of the store (an export, a backup, a dump).
     *
     * @param records the records, in the order they were read (by sequence)
     * @param checkpoints checkpoints to hold the copy against
     * @return {@link AuditVerification.Intact}, or the first broken link
     */
    public AuditVerification verify(List<AuditRecord> records, Collection<AuditCheckpoint> checkpoints) {
        Verifier verifier = new Verifier(List.copyOf(checkpoints), 0, GENESIS);
        for (AuditRecord r : records) {
            Optional<AuditVerification.Broken> broken = r.isUnreadable()
                    ? Optional.of(new AuditVerification.Broken(r.sequence(), AuditVerification.BreakKind.EDITED))
                    : verifier.accept(stored(r));
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return verifier.finish();
    }

    /**
     * Reads a stored record into domain types. Never throws: a row that does not parse becomes a record
     * with the action {@link AuditAction#UNREADABLE}.
     *
     * @param row a linked row
     * @return the record
     */
    public static AuditRecord parse(StoredAuditRow row) {
        try {
            AuditEvent e = new AuditEvent(Micros.instant(row.timeMicros()),
                    new Actor(Actor.Kind.valueOf(row.actorKind()), row.actorId()), new AuditAction(row.action()),
                    row.subjectRef().map(KeyedHash::new), row.purpose().map(PurposeId::of),
                    AuditOutcome.valueOf(row.outcome()), row.reference());
            Optional<LedgerBinding> ledger = row.ledgerSequence().isEmpty() && row.ledgerDigest().isEmpty()
                    ? Optional.empty()
                    : Optional.of(new LedgerBinding(row.ledgerSequence().orElseThrow(), row.ledgerDigest().orElseThrow()));
            Optional<String> mac = switch (row.format()) {
                case StoredAuditRow.FORMAT_1 -> {
                    if (row.entryMac().isPresent() || ledger.isPresent()) {
                        throw new IllegalArgumentException("a format-1 record has no entry MAC or ledger binding");
                    }
                    yield Optional.empty();
                }
                case StoredAuditRow.FORMAT_2 -> Optional.of(row.entryMac().orElseThrow());
                default -> throw new IllegalArgumentException("unknown audit link format");
            };
            return new AuditRecord(row.sequence(), row.entryId(), e, ledger, mac, row.previousLink(), row.link());
        } catch (RuntimeException e) {
            return unreadable(row);
        }
    }

    private static AuditRecord unreadable(StoredAuditRow row) {
        AuditEvent event = new AuditEvent(Instant.EPOCH, Actor.system("consentkit"), AuditAction.UNREADABLE,
                Optional.empty(), Optional.empty(), AuditOutcome.FAILED, Optional.of("stored row does not parse"));
        return new AuditRecord(Math.max(1, row.sequence()), Math.max(0, row.entryId()), event, Optional.empty(),
                Optional.empty(), hexOrGenesis(row.previousLink()), hexOrGenesis(row.link()));
    }

    private static String hexOrGenesis(String link) {
        return link.matches("[0-9a-f]{64}") ? link : GENESIS;
    }

    /** The stored form of a record, for verifying a copy. */
    static StoredAuditRow stored(AuditRecord r) {
        AuditEvent e = r.event();
        return new StoredAuditRow(r.sequence(), r.entryId(), r.format(), Micros.of(e.time(), "audit time"),
                e.actor().kind().name(), e.actor().id(), e.action().code(), e.subjectRef().map(KeyedHash::value),
                e.purpose().map(PurposeId::value), e.outcome().name(), e.reference(),
                r.ledger().map(l -> OptionalLong.of(l.sequence())).orElse(OptionalLong.empty()),
                r.ledger().map(LedgerBinding::digest), r.entryMac(), r.previousLink(), r.link());
    }

    /** What a record's own MACs say, before its place among the others is checked. */
    private enum Check { INTACT, MOVED, EDITED }

    private Check check(StoredAuditRow r) {
        try {
            switch (r.format()) {
                case StoredAuditRow.FORMAT_1 -> {
                    if (r.entryMac().isPresent() || r.ledgerSequence().isPresent() || r.ledgerDigest().isPresent()) {
                        return Check.EDITED;
                    }
                    if (same(linkV1(r.previousLink(), r.sequence(), r), r.link())) {
                        // the format-1 link does not cover the entry id: it must be the sequence, as set
                        return r.entryId() == r.sequence() ? Check.INTACT : Check.EDITED;
                    }
                    for (long s : nearby(r.sequence())) {
                        if (same(linkV1(r.previousLink(), s, r), r.link())) {
                            return Check.MOVED;
                        }
                    }
                    return Check.EDITED;
                }
                case StoredAuditRow.FORMAT_2 -> {
                    if (!entryMacMatches(r)) {
                        return Check.EDITED;
                    }
                    String mac = r.entryMac().orElseThrow();
                    if (same(linkV2(r.previousLink(), r.sequence(), r.entryId(), mac), r.link())) {
                        return Check.INTACT;
                    }
                    for (long s : nearby(r.sequence())) {
                        if (same(linkV2(r.previousLink(), s, r.entryId(), mac), r.link())) {
                            return Check.MOVED;
                        }
                    }
                    return Check.EDITED;
                }
                default -> {
                    return Check.EDITED;
                }
            }
        } catch (RuntimeException e) {
            return Check.EDITED;
        }
    }

    private static long[] nearby(long sequence) {
        long from = Math.max(1, sequence - REORDER_WINDOW);
        long to = sequence > Long.MAX_VALUE - REORDER_WINDOW ? Long.MAX_VALUE : sequence + REORDER_WINDOW;
        long[] out = new long[(int) (to - from)];
        int i = 0;
        for (long s = from; s <= to; s++) {
            if (s != sequence) {
                out[i++] = s;
            }
        }
        return i == out.length ? out : java.util.Arrays.copyOf(out, i);
    }

    /** Walks the records in order, remembering the last good link. Not thread-safe. */
    private final class Verifier {
        private final TreeMap<Long, List<AuditCheckpoint>> checkpoints = new TreeMap<>();
        private final long anchor;
        private String previous;
        private long expected;

        Verifier(Collection<AuditCheckpoint> all, long anchor, String anchorLink) {
            for (AuditCheckpoint c : all) {
                if (c.sequence() > anchor) {
                    checkpoints.computeIfAbsent(c.sequence(), s -> new ArrayList<>()).add(c);
                }
            }
            this.anchor = anchor;
            this.previous = anchorLink;
            this.expected = anchor + 1;
        }

        Optional<AuditVerification.Broken> accept(StoredAuditRow r) {
            if (r.sequence() > expected) {
                return broken(expected, AuditVerification.BreakKind.MISSING);
            }
            if (r.sequence() < expected) {
                return broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
            }
            switch (check(r)) {
                case EDITED -> {
                    return broken(r.sequence(), AuditVerification.BreakKind.EDITED);
                }
                case MOVED -> {
                    return broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
                }
                case INTACT -> {
                    // follows below
                }
            }
            if (!same(r.previousLink(), previous)) {
                return broken(r.sequence(), AuditVerification.BreakKind.REORDERED);
            }
            for (AuditCheckpoint c : checkpoints.getOrDefault(r.sequence(), List.of())) {
                if (!same(c.link(), r.link())) {
                    return broken(r.sequence(), AuditVerification.BreakKind.CHECKPOINT_MISMATCH);
                }
            }
            previous = r.link();
            expected++;
            return Optional.empty();
        }

        AuditVerification finish() {
            long head = expected - 1;
            if (!checkpoints.isEmpty() && checkpoints.lastKey() > head) {
                return new AuditVerification.Broken(head + 1, AuditVerification.BreakKind.TRUNCATED);
            }
            return new AuditVerification.Intact(head - anchor, head, previous);
        }

        private Optional<AuditVerification.Broken> broken(long sequence, AuditVerification.BreakKind kind) {
            return Optional.of(new AuditVerification.Broken(sequence, kind));
        }
    }

    private String linkV1(String previous, long sequence, StoredAuditRow r) {
        byte[] canonical = new Canonical("consentkit.audit.v1")
                .add(sequence)
                .add(Micros.instant(r.timeMicros()).toString())
                .add(text(r.actorKind()))
                .add(text(r.actorId()))
                .add(text(r.action()))
                .add(text(r.subjectRef()))
                .add(text(r.purpose()))
                .add(text(r.outcome()))
                .add(text(r.reference()))
                .bytes();
        return HEX.formatHex(hmac.mac(previous.getBytes(StandardCharsets.UTF_8), canonical));
    }

    private String linkV2(String previous, long sequence, long entryId, String mac) {
        byte[] canonical = new Canonical("consentkit.audit.v2").add(sequence).add(entryId).add(text(mac)).bytes();
        return HEX.formatHex(hmac.mac(text(previous).getBytes(StandardCharsets.UTF_8), canonical));
    }

    /**
     * Stored text as it enters a canonical encoding: a lone surrogate (which the kit never writes, and
     * an edited row may hold) becomes U+FFFD, so encoding never fails on what a row holds.
     */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                return wellFormed(value);
            }
        }
        return value;
    }

    private static String text(Optional<String> value) {
        return value.map(AuditChain::text).orElse(null);
    }

    private static String wellFormed(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                b.append(c).append(value.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
