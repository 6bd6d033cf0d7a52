package dev.consentkit.examples.mvstore;

import dev.consentkit.core.spi.IntegrityStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The raw reads of one unit for verifying the ledger and projection: rows as stored. Subjects are paged
 * in the order of the subject index's keys, which is the order of their ids.
 */
final class MvIntegrity implements IntegrityStore {
    private final MvUnit unit;
    private final MvLedger ledger;

    MvIntegrity(MvUnit unit) {
        this.unit = unit;
        this.ledger = new MvLedger(unit);
    }

    @Override
    public List<StoredLedgerRow> ledgerRows(long afterSequence, int limit) {
        return ledger.rows(afterSequence, limit);
    }

    @Override
    public List<StoredLedgerRow> ledgerRowsAt(Collection<Long> sequences) {
        unit.checkOpen();
        return sequences.stream().distinct().sorted().map(ledger::row).filter(Objects::nonNull).toList();
    }

    @Override
    public List<String> ledgerSubjects(Optional<String> after, int limit) {
        MvUnit.checkLimit(limit);
        TransactionMap<String, Long> subjects = unit.map(MvUnit.LEDGER_SUBJECTS);
        List<String> page = new ArrayList<>();
        // every key of subject s lies below s + "\0\uffff"; the next subject's keys lie above it
        String key = subjects.ceilingKey(after.map(s -> s + "\u0000\uffff").orElse(""));
        while (key != null && page.size() < limit) {
            String subject = key.substring(0, key.indexOf('\u0000'));
            page.add(subject);
            key = subjects.ceilingKey(subject + "\u0000\uffff");
        }
        return page;
    }

    @Override
    public List<StoredLedgerRow> ledgerRowsOf(Collection<String> subjects) {
        unit.checkOpen();
        List<StoredLedgerRow> rows = new ArrayList<>();
        subjects.stream().distinct().forEach(s -> rows.addAll(ledger.rowsOf(s)));
        return rows;
    }

    @Override
    public List<StoredProjectionRow> projectionRowsOf(Collection<String> subjects) {
        MvProjection projection = new MvProjection(unit);
        List<StoredProjectionRow> rows = new ArrayList<>();
        subjects.stream().distinct().forEach(s -> projection.range(s + '\u0000', rows::add));
        return rows;
    }

    @Override
    public List<String> projectionOrphans(Optional<String> after, int limit) {
        MvUnit.checkLimit(limit);
        TreeSet<String> orphans = new TreeSet<>();
        new MvProjection(unit).range("", r -> {
            if (after.map(a -> r.subjectId().compareTo(a) > 0).orElse(true) && ledger.rowsOf(r.subjectId()).isEmpty()) {
                orphans.add(r.subjectId());
            }
        });
        return orphans.stream().limit(limit).toList();
    }

    @Override
    public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
        MvUnit.checkLimit(limit);
        // few enough for an example: every entry is read; a large store would index entries by ledger sequence
        TreeMap<String, StoredAuditRow> inLedgerOrder = new TreeMap<>();
        for (StoredAuditRow entry : new MvAudit(unit).all()) {
            long bound = entry.ledgerSequence().orElse(-1);
            if (bound >= fromLedgerSequence && bound <= toLedgerSequence && entry.ledgerSequence().isPresent()) {
                inLedgerOrder.put(String.format("%019d/%019d", bound, entry.entryId()), entry);
            }
        }
        return inLedgerOrder.values().stream().limit(limit).toList();
    }

    /** @return 0: this store never held a ledger written before schema v4 */
    @Override
    public long legacyLedgerUntil() {
        unit.checkOpen();
        return 0;
    }
}
