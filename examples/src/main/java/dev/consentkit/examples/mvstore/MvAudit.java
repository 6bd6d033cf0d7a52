package dev.consentkit.examples.mvstore;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.VerifiedPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The audit entries and chain of one unit: pending entries by id, linked records by sequence, and an
 * index from entry id to sequence. {@link #lockSequencer} needs no lock of its own, since writers run
 * one at a time; {@link #link} still refuses a sequence that does not follow the head, as a store shared
 * by several writers must. Marks: checkpoints by position, the verified point under one key; this store
 * never held a ledger written before schema v4, so it has no legacy boundary.
 */
final class MvAudit implements AuditStore {
    private final MvUnit unit;

    MvAudit(MvUnit unit) {
        this.unit = unit;
    }

    private TransactionMap<Long, Object[]> pendingRows() {
        return unit.map(MvUnit.AUDIT_PENDING);
    }

    private TransactionMap<Long, Object[]> chain() {
        return unit.map(MvUnit.AUDIT_CHAIN);
    }

    @Override
    public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
        unit.checkWritable();
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(mac, "mac");
        long id = unit.nextEntryId();
        pendingRows().put(id, Rows.encode(StoredAuditRow.pending(id, event, ledger, mac)));
        return id;
    }

    @Override
    public boolean lockSequencer(boolean wait) {
        unit.checkWritable();
        return true;
    }

    @Override
    public Optional<StoredAuditRow> head() {
        TransactionMap<Long, Object[]> chain = chain();
        return chain.isEmpty() ? Optional.empty() : Optional.of(row(chain.lastEntry().getValue()));
    }

    @Override
    public List<StoredAuditRow> pending(int limit) {
        MvUnit.checkLimit(limit);
        return first(pendingRows().entryIterator(null, null), limit);
    }

    @Override
    public void link(List<StoredAuditRow> linked) {
        unit.checkWritable();
        TransactionMap<Long, Object[]> chain = chain();
        TransactionMap<Long, Object[]> pending = pendingRows();
        TransactionMap<Long, Long> entries = unit.map(MvUnit.AUDIT_ENTRIES);
        long head = chain.isEmpty() ? 0 : chain.lastKey();
        for (StoredAuditRow r : linked) {
            if (r.sequence() != head + 1 || pending.remove(r.entryId()) == null) {
                // the exception rolls the whole unit back, this row's changes included
                throw new ConcurrentUpdateException("audit sequence " + r.sequence()
                        + " does not follow the head, or its entry is not pending", null);
            }
            chain.put(r.sequence(), Rows.encode(r));
            entries.put(r.entryId(), r.sequence());
            head = r.sequence();
        }
    }

    @Override
    public List<StoredAuditRow> read(long fromSequence, int limit) {
        MvUnit.checkLimit(limit);
        return first(chain().entryIterator(Math.max(fromSequence, 1), null), limit);
    }

    @Override
    public List<StoredAuditRow> entries(Collection<Long> entryIds) {
        TransactionMap<Long, Long> entries = unit.map(MvUnit.AUDIT_ENTRIES);
        TransactionMap<Long, Object[]> chain = chain();
        List<StoredAuditRow> found = new ArrayList<>();
        for (Long id : entryIds.stream().distinct().toList()) {
            Long sequence = entries.get(id);
            if (sequence != null) {
                found.add(row(chain.get(sequence)));
            }
        }
        found.sort(Comparator.comparingLong(StoredAuditRow::sequence));
        return found;
    }

    @Override
    public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
        MvUnit.checkLimit(limit);
        // few enough for an example: every entry is read; a large store would index entries by ledger sequence
        TreeMap<String, StoredAuditRow> inLedgerOrder = new TreeMap<>();
        List<Object[]> all = new ArrayList<>(chain().values());
        all.addAll(pendingRows().values());
        for (Object[] values : all) {
            StoredAuditRow entry = row(values);
            long bound = entry.ledgerSequence().orElse(-1);
            if (entry.ledgerSequence().isPresent() && bound >= fromLedgerSequence && bound <= toLedgerSequence) {
                inLedgerOrder.put(String.format("%019d/%019d", bound, entry.entryId()), entry);
            }
        }
        return inLedgerOrder.values().stream().limit(limit).toList();
    }

    @Override
    public void saveMark(AuditMark mark) {
        unit.checkWritable();
        Objects.requireNonNull(mark, "mark");
        if (mark instanceof AuditMark.Checkpoint c) {
            TransactionMap<Long, Object[]> checkpoints = unit.map(MvUnit.AUDIT_CHECKPOINTS);
            checkpoints.put(checkpoints.isEmpty() ? 1 : checkpoints.lastKey() + 1, Rows.checkpoint(c.checkpoint()));
        } else if (mark instanceof VerifiedPoint point) {
            unit.<String, Object[]>map(MvUnit.AUDIT_POINT).put("point", Rows.encode(point));
        } else {
            throw new IllegalArgumentException("the legacy ledger boundary is set by a schema upgrade, never saved");
        }
    }

    @Override
    public List<AuditMark> marks() {
        List<AuditMark> marks = new ArrayList<>();
        unit.<Long, Object[]>map(MvUnit.AUDIT_CHECKPOINTS).values()
                .forEach(v -> marks.add(new AuditMark.Checkpoint(Rows.checkpoint(v))));
        Object[] point = unit.<String, Object[]>map(MvUnit.AUDIT_POINT).get("point");
        if (point != null) {
            marks.add(Rows.decode(VerifiedPoint.class, point));
        }
        return marks;
    }

    private static StoredAuditRow row(Object[] values) {
        return Rows.decode(StoredAuditRow.class, values);
    }

    private static List<StoredAuditRow> first(Iterator<Map.Entry<Long, Object[]>> it, int limit) {
        List<StoredAuditRow> page = new ArrayList<>();
        while (it.hasNext() && page.size() < limit) {
            page.add(row(it.next().getValue()));
        }
        return page;
    }
}
