package dev.consentkit;

import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.audit.LedgerCursor;
import dev.consentkit.core.audit.LedgerFinding;
import dev.consentkit.core.audit.LedgerVerification;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.internal.Micros;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import dev.consentkit.core.spi.VerifiedPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies the ledger against the audit entries that bind it and the projection against the replay of
 * the ledger, page by page with bounded memory; and the incremental form from the last verified point.
 * Every read is a separate read unit, so a mismatch may be a unit that committed between two reads: it
 * is read again before it is reported. Thread-safe (each run keeps its own state).
 */
final class LedgerVerifier {
    static final int LEDGER_PAGE = 1_000;
    static final int SUBJECT_PAGE = 200;
    static final int SWEEP = 1_000;
    private static final int BINDING_LIMIT = 100_000;
    private static final int ATTEMPTS = 3;
    private final ConsentStorage storage;
    private final AuditChain chain;
    private final KeyedHasher hasher;

    LedgerVerifier(ConsentStorage storage, AuditChain chain, KeyedHasher hasher) {
        this.storage = storage;
        this.chain = chain;
        this.hasher = hasher;
    }

    /** A full (or resumed) run of at most {@code pages} pages. */
    LedgerVerification run(LedgerCursor from, long pages) {
        Run run = new Run();
        long legacyUntil = read(tx -> AuditMark.legacyLedgerUntil(tx.audit().marks()));
        LedgerCursor cursor = from;
        long done = 0;
        while (cursor != null) {
            if (done++ >= pages) {
                return run.result(Optional.of(cursor));
            }
            cursor = step(cursor, run, legacyUntil);
        }
        return run.result(Optional.empty());
    }

    private LedgerCursor step(LedgerCursor c, Run run, long legacyUntil) {
        switch (c.phase()) {
            case LEDGER -> {
                List<StoredLedgerRow> rows = read(tx -> tx.ledger().rows(c.ledgerSequence(), LEDGER_PAGE));
                if (rows.isEmpty()) {
                    // entries that bind rows after the last one: the tail of the ledger was deleted
                    List<StoredAuditRow> tail = read(tx -> tx.audit().bindings(c.ledgerSequence() + 1, Long.MAX_VALUE,
                            LEDGER_PAGE));
                    if (tail.isEmpty()) {
                        return new LedgerCursor(LedgerCursor.Phase.PROJECTION, 0, Optional.empty());
                    }
                    checkRange(List.of(), tail, run, legacyUntil);
                    long last = tail.get(tail.size() - 1).ledgerSequence().orElse(Long.MAX_VALUE);
                    return last == Long.MAX_VALUE ? new LedgerCursor(LedgerCursor.Phase.PROJECTION, 0, Optional.empty())
                            : new LedgerCursor(LedgerCursor.Phase.LEDGER, last, Optional.empty());
                }
                long low = c.ledgerSequence() + 1;
                long high = rows.get(rows.size() - 1).sequence();
                List<StoredAuditRow> bindings = read(tx -> tx.audit().bindings(low, high, BINDING_LIMIT));
                checkRange(rows, bindings, run, legacyUntil);
                return new LedgerCursor(LedgerCursor.Phase.LEDGER, high, Optional.empty());
            }
            case PROJECTION -> {
                List<String> subjects = read(tx -> tx.ledger().subjects(c.subjectAfter(), SUBJECT_PAGE));
                if (subjects.isEmpty()) {
                    return new LedgerCursor(LedgerCursor.Phase.ORPHANS, 0, Optional.empty());
                }
                compareProjection(subjects, run);
                return new LedgerCursor(LedgerCursor.Phase.PROJECTION, 0, Optional.of(subjects.get(subjects.size() - 1)));
            }
            case ORPHANS -> {
                List<String> orphans = read(tx -> tx.projection().orphans(c.subjectAfter(), SUBJECT_PAGE));
                if (orphans.isEmpty()) {
                    return null;
                }
                extra(orphans, run);
                return new LedgerCursor(LedgerCursor.Phase.ORPHANS, 0, Optional.of(orphans.get(orphans.size() - 1)));
            }
        }
        throw new IllegalStateException("unknown phase " + c.phase());
    }

    /**
     * The incremental run from the stored verified point; moves the point when it finds nothing.
     *
     * @param now the time to stamp a new point with
     * @param save writes the new point in a unit of its own
     */
    LedgerVerification sinceLastPoint(Instant now, java.util.function.Consumer<VerifiedPoint> save) {
        Run run = new Run();
        Optional<VerifiedPoint> stored = read(tx -> AuditMark.verifiedPoint(tx.audit().marks()));
        long legacyUntil = read(tx -> AuditMark.legacyLedgerUntil(tx.audit().marks()));
        VerifiedPoint point = new VerifiedPoint(0, AuditChain.GENESIS, 0, "", legacyUntil, 0, "");
        if (stored.isPresent()) {
            if (!chain.pointMacMatches(stored.get())) {
                run.add(new LedgerFinding(LedgerFinding.Kind.VERIFIED_POINT_EDITED, OptionalLong.empty(),
                        OptionalLong.empty(), Optional.empty(), Optional.empty()));
            } else {
                point = stored.get();
                if (point.legacyUntil() != legacyUntil) {
                    run.add(new LedgerFinding(LedgerFinding.Kind.LEGACY_BOUND_EDITED, OptionalLong.of(legacyUntil),
                            OptionalLong.empty(), Optional.empty(), Optional.empty()));
                    legacyUntil = point.legacyUntil();
                }
            }
        }
        VerifiedPoint from = point;
        AuditVerification chainAfter = read(tx -> chain.verifyFrom(tx.audit(), from.auditSequence(), from.auditLink(),
                AuditMark.checkpoints(tx.audit().marks())));
        if (chainAfter instanceof AuditVerification.Broken broken) {
            run.add(new LedgerFinding(LedgerFinding.Kind.AUDIT_CHAIN_BROKEN, OptionalLong.empty(),
                    OptionalLong.of(broken.sequence()), Optional.empty(), Optional.empty()));
            return run.result(Optional.empty());
        }
        AuditVerification.Intact intact = (AuditVerification.Intact) chainAfter;
        // the ledger rows the new records bind
        for (long next = from.auditSequence() + 1; next <= intact.headSequence(); ) {
            long start = next;
            List<StoredAuditRow> records = read(tx -> tx.audit().read(start, LEDGER_PAGE));
            List<StoredAuditRow> bindings = new ArrayList<>();
            for (StoredAuditRow r : records) {
                if (r.sequence() <= intact.headSequence() && r.ledgerSequence().isPresent()) {
                    bindings.add(r);
                }
            }
            checkBound(bindings, run);
            if (records.isEmpty()) {
                break;
            }
            next = records.get(records.size() - 1).sequence() + 1;
        }
        // ledger rows written since: each must be bound
        long high = from.ledgerHigh();
        while (true) {
            long after = high;
            List<StoredLedgerRow> rows = read(tx -> tx.ledger().rows(after, LEDGER_PAGE));
            if (rows.isEmpty()) {
                break;
            }
            long last = rows.get(rows.size() - 1).sequence();
            List<StoredAuditRow> bindings = read(tx -> tx.audit().bindings(after + 1, last, BINDING_LIMIT));
            checkRange(rows, bindings, run, legacyUntil);
            compareProjection(new ArrayList<>(subjectsOf(rows)), run);
            high = last;
        }
        // a slice of the projection sweep
        String sweepAfter = from.sweepAfter();
        int swept = 0;
        boolean wrapped = false;
        while (swept < SWEEP) {
            Optional<String> after = sweepAfter.isEmpty() ? Optional.empty() : Optional.of(sweepAfter);
            int n = Math.min(SUBJECT_PAGE, SWEEP - swept);
            List<String> subjects = read(tx -> tx.ledger().subjects(after, n));
            if (subjects.isEmpty()) {
                wrapped = true;
                break;
            }
            compareProjection(subjects, run);
            swept += subjects.size();
            sweepAfter = subjects.get(subjects.size() - 1);
        }
        if (wrapped) {
            for (Optional<String> after = Optional.empty(); ; ) {
                Optional<String> a = after;
                List<String> orphans = read(tx -> tx.projection().orphans(a, SUBJECT_PAGE));
                if (orphans.isEmpty()) {
                    break;
                }
                extra(orphans, run);
                after = Optional.of(orphans.get(orphans.size() - 1));
            }
            sweepAfter = "";
        }
        if (run.findings.isEmpty()) {
            VerifiedPoint unsigned = new VerifiedPoint(intact.headSequence(), intact.headLink(), high, sweepAfter,
                    legacyUntil, Micros.of(now, "now"), "");
            save.accept(new VerifiedPoint(unsigned.auditSequence(), unsigned.auditLink(), unsigned.ledgerHigh(),
                    unsigned.sweepAfter(), unsigned.legacyUntil(), unsigned.timeMicros(), chain.pointMac(unsigned)));
        }
        return run.result(Optional.empty());
    }

    /** Linked records of ledger events: each must find its row with the digest it binds. */
    private void checkBound(List<StoredAuditRow> bindings, Run run) {
        if (bindings.isEmpty()) {
            return;
        }
        List<Long> sequences = bindings.stream().map(b -> b.ledgerSequence().getAsLong()).toList();
        Map<Long, StoredLedgerRow> rows = new HashMap<>();
        for (StoredLedgerRow r : read(tx -> tx.ledger().rowsAt(sequences))) {
            rows.put(r.sequence(), r);
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (StoredAuditRow b : bindings) {
            long s = b.ledgerSequence().getAsLong();
            StoredLedgerRow row = rows.get(s);
            if (row == null) {
                run.add(bound(LedgerFinding.Kind.LEDGER_DELETED, s, b));
            } else {
                subjects.add(row.subjectId());
                if (!digestMatches(row, b)) {
                    run.add(bound(LedgerFinding.Kind.LEDGER_EDITED, s, b));
                }
            }
            run.ledgerRows++;
        }
        compareProjection(new ArrayList<>(subjects), run);
    }

    /** Ledger rows of one sequence range against the entries binding that range. */
    private void checkRange(List<StoredLedgerRow> rows, List<StoredAuditRow> bindings, Run run, long legacyUntil) {
        Map<Long, List<StoredAuditRow>> valid = new HashMap<>();
        for (StoredAuditRow b : bindings) {
            long s = b.ledgerSequence().orElse(0);
            if (chain.entryMacMatches(b)) {
                valid.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
            } else {
                run.add(bound(LedgerFinding.Kind.BINDING_FORGED, s, b));
            }
        }
        List<StoredLedgerRow> unbound = new ArrayList<>();
        Set<Long> present = new java.util.HashSet<>();
        for (StoredLedgerRow r : rows) {
            present.add(r.sequence());
            List<StoredAuditRow> vs = valid.get(r.sequence());
            if (vs == null) {
                if (r.sequence() <= legacyUntil) {
                    run.legacyRows++;
                } else {
                    unbound.add(r);
                }
            } else {
                judge(r, vs, run);
            }
            run.ledgerRows++;
        }
        List<Long> missing = valid.keySet().stream().filter(s -> !present.contains(s)).sorted().toList();
        // read again: a unit that committed between the two reads is not tampering
        for (StoredLedgerRow r : unbound) {
            List<StoredAuditRow> again = read(tx -> tx.audit().bindings(r.sequence(), r.sequence(), BINDING_LIMIT))
                    .stream().filter(chain::entryMacMatches).toList();
            if (again.isEmpty()) {
                run.add(new LedgerFinding(LedgerFinding.Kind.LEDGER_INSERTED, OptionalLong.of(r.sequence()),
                        OptionalLong.empty(), subjectRef(r.subjectId()), purpose(r.purposeId())));
            } else {
                judge(r, again, run);
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, StoredLedgerRow> now = new HashMap<>();
            for (StoredLedgerRow r : read(tx -> tx.ledger().rowsAt(missing))) {
                now.put(r.sequence(), r);
            }
            for (long s : missing) {
                StoredLedgerRow r = now.get(s);
                if (r == null) {
                    run.add(bound(LedgerFinding.Kind.LEDGER_DELETED, s, valid.get(s).get(0)));
                } else {
                    judge(r, valid.get(s), run);
                }
            }
        }
    }

    private void judge(StoredLedgerRow row, List<StoredAuditRow> bindings, Run run) {
        StoredAuditRow b = bindings.get(0);
        if (bindings.size() > 1) {
            run.add(bound(LedgerFinding.Kind.LEDGER_BOUND_TWICE, row.sequence(), bindings.get(1)));
        }
        if (!digestMatches(row, b)) {
            run.add(bound(LedgerFinding.Kind.LEDGER_EDITED, row.sequence(), b));
        }
    }

    private boolean digestMatches(StoredLedgerRow row, StoredAuditRow binding) {
        try {
            return binding.ledgerDigest().map(d -> d.equals(chain.ledgerDigest(row))).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A finding named by what the (MAC-checked) entry says: its subject reference and purpose. */
    private static LedgerFinding bound(LedgerFinding.Kind kind, long ledgerSequence, StoredAuditRow b) {
        Optional<KeyedHash> subject = b.subjectRef().flatMap(LedgerVerifier::keyedHash);
        return new LedgerFinding(kind, OptionalLong.of(ledgerSequence),
                b.isPending() ? OptionalLong.empty() : OptionalLong.of(b.sequence()), subject,
                b.purpose().flatMap(LedgerVerifier::purpose));
    }

    /** Compares subjects' projection rows with the replay of their ledger, reading a mismatch again. */
    private void compareProjection(List<String> subjects, Run run) {
        if (subjects.isEmpty()) {
            return;
        }
        List<String> pending = subjects;
        for (int attempt = 1; ; attempt++) {
            List<String> asked = pending;
            Map<String, List<StoredLedgerRow>> ledger = new LinkedHashMap<>();
            Map<String, List<StoredProjectionRow>> projection = new HashMap<>();
            read(tx -> {
                tx.ledger().rowsOf(asked).forEach(r ->
                        ledger.computeIfAbsent(r.subjectId(), k -> new ArrayList<>()).add(r));
                tx.projection().rowsOf(asked).forEach(r ->
                        projection.computeIfAbsent(r.subjectId(), k -> new ArrayList<>()).add(r));
                return null;
            });
            List<String> mismatched = new ArrayList<>();
            List<LedgerFinding> found = new ArrayList<>();
            for (String s : asked) {
                List<LedgerFinding> f = compare(s, ledger.getOrDefault(s, List.of()), projection.getOrDefault(s, List.of()));
                if (!f.isEmpty()) {
                    mismatched.add(s);
                    found.addAll(f);
                }
            }
            if (mismatched.isEmpty() || attempt == ATTEMPTS) {
                found.forEach(run::add);
                break;
            }
            pending = mismatched;
        }
        run.subjects += subjects.size();
    }

    private List<LedgerFinding> compare(String subject, List<StoredLedgerRow> rows, List<StoredProjectionRow> stored) {
        List<LedgerEntry> entries = new ArrayList<>(rows.size());
        List<StoredLedgerRow> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingLong(StoredLedgerRow::sequence));
        for (StoredLedgerRow r : sorted) {
            try {
                entries.add(r.toEntry());
            } catch (RuntimeException e) {
                return List.of(new LedgerFinding(LedgerFinding.Kind.LEDGER_UNREADABLE, OptionalLong.of(r.sequence()),
                        OptionalLong.empty(), subjectRef(subject), purpose(r.purposeId())));
            }
        }
        Map<String, StoredProjectionRow> expected = new LinkedHashMap<>();
        try {
            for (Map.Entry<ConsentScope, ConsentState> e : ConsentProjector.replay(entries).entrySet()) {
                StoredProjectionRow row = StoredProjectionRow.of(e.getValue());
                expected.put(row.key(), row);
            }
        } catch (RuntimeException e) {
            return List.of(new LedgerFinding(LedgerFinding.Kind.LEDGER_UNREADABLE, OptionalLong.empty(),
                    OptionalLong.empty(), subjectRef(subject), Optional.empty()));
        }
        Map<String, StoredProjectionRow> actual = new LinkedHashMap<>();
        for (StoredProjectionRow r : stored) {
            actual.put(r.key(), r);
        }
        List<LedgerFinding> found = new ArrayList<>();
        for (StoredProjectionRow e : expected.values()) {
            StoredProjectionRow a = actual.remove(e.key());
            if (a == null) {
                found.add(projection(LedgerFinding.Kind.PROJECTION_MISSING, subject, e.purposeId()));
            } else if (!a.equals(e)) {
                found.add(projection(LedgerFinding.Kind.PROJECTION_DIFFERS, subject, e.purposeId()));
            }
        }
        for (StoredProjectionRow a : actual.values()) {
            found.add(projection(LedgerFinding.Kind.PROJECTION_EXTRA, subject, a.purposeId()));
        }
        return found;
    }

    private void extra(List<String> orphans, Run run) {
        for (StoredProjectionRow r : read(tx -> tx.projection().rowsOf(orphans))) {
            run.add(projection(LedgerFinding.Kind.PROJECTION_EXTRA, r.subjectId(), r.purposeId()));
        }
        run.subjects += orphans.size();
    }

    private LedgerFinding projection(LedgerFinding.Kind kind, String subject, String purpose) {
        return new LedgerFinding(kind, OptionalLong.empty(), OptionalLong.empty(), subjectRef(subject), purpose(purpose));
    }

    private static Set<String> subjectsOf(List<StoredLedgerRow> rows) {
        Set<String> subjects = new LinkedHashSet<>();
        rows.forEach(r -> subjects.add(r.subjectId()));
        return subjects;
    }

    private Optional<KeyedHash> subjectRef(String subject) {
        try {
            return Optional.of(hasher.hash("subject", subject));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<PurposeId> purpose(String stored) {
        try {
            return Optional.of(PurposeId.of(stored));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<KeyedHash> keyedHash(String stored) {
        try {
            return Optional.of(new KeyedHash(stored));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private <T> T read(Function<StorageTransaction, T> work) {
        return storage.read(work);
    }

    /** What one run found so far. Not thread-safe. */
    private static final class Run {
        final List<LedgerFinding> findings = new ArrayList<>();
        private final Set<LedgerFinding> seen = new java.util.HashSet<>();
        long more;
        long ledgerRows;
        long legacyRows;
        long subjects;

        /** Keeps the first findings (once each); past the limit only counts them (memory stays bounded). */
        void add(LedgerFinding f) {
            if (findings.size() < LedgerVerification.MAX_FINDINGS) {
                if (seen.add(f)) {
                    findings.add(f);
                }
            } else if (!seen.contains(f)) {
                more++;
            }
        }

        LedgerVerification result(Optional<LedgerCursor> next) {
            return new LedgerVerification(findings, more, ledgerRows, legacyRows, subjects, next);
        }
    }
}
