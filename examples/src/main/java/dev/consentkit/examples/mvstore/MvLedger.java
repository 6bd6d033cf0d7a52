package dev.consentkit.examples.mvstore;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.StoredLedgerRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The append-only ledger of one unit: rows by sequence, plus an idempotency index and a subject index.
 * Subjects are paged in the order of the subject index's keys, which is the order of their ids.
 */
final class MvLedger implements LedgerStore {
    private final MvUnit unit;

    MvLedger(MvUnit unit) {
        this.unit = unit;
    }

    @Override
    public LedgerEntry append(ConsentEvent event) {
        unit.checkWritable();
        Objects.requireNonNull(event, "event");
        TransactionMap<Long, Object[]> rows = unit.map(MvUnit.LEDGER);
        TransactionMap<String, Long> keys = unit.map(MvUnit.LEDGER_KEYS);
        long sequence = rows.isEmpty() ? 1 : rows.lastKey() + 1;
        StoredLedgerRow row = StoredLedgerRow.of(sequence, event); // refuses a time finer than a microsecond
        if (event.idempotencyKey().isPresent()) {
            String key = event.idempotencyKey().get().value();
            if (keys.putIfAbsent(key, sequence) != null) {
                throw new ConcurrentUpdateException("idempotency key already recorded in the ledger", null);
            }
        }
        rows.put(sequence, Rows.encode(row));
        unit.<String, Long>map(MvUnit.LEDGER_SUBJECTS).put(subjectKey(row.subjectId(), sequence), sequence);
        return new LedgerEntry(sequence, event);
    }

    @Override
    public Optional<LedgerEntry> findByIdempotencyKey(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        Long sequence = unit.<String, Long>map(MvUnit.LEDGER_KEYS).get(key.value());
        return sequence == null ? Optional.empty() : Optional.of(row(sequence).toEntry());
    }

    @Override
    public List<StoredLedgerRow> rows(long afterSequence, int limit) {
        MvUnit.checkLimit(limit);
        List<StoredLedgerRow> page = new ArrayList<>();
        Iterator<Map.Entry<Long, Object[]>> it = unit.<Long, Object[]>map(MvUnit.LEDGER)
                .entryIterator(Math.max(afterSequence, 0) + 1, null);
        while (it.hasNext() && page.size() < limit) {
            page.add(Rows.decode(StoredLedgerRow.class, it.next().getValue()));
        }
        return page;
    }

    @Override
    public List<StoredLedgerRow> rowsAt(Collection<Long> sequences) {
        unit.checkOpen();
        return sequences.stream().distinct().sorted().map(this::row).filter(Objects::nonNull).toList();
    }

    @Override
    public List<StoredLedgerRow> rowsOf(Collection<String> subjects) {
        unit.checkOpen();
        List<StoredLedgerRow> rows = new ArrayList<>();
        new LinkedHashSet<>(subjects).forEach(s -> rows.addAll(subjectRows(Objects.requireNonNull(s, "subject"))));
        return rows;
    }

    @Override
    public List<String> subjects(Optional<String> after, int limit) {
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

    StoredLedgerRow row(long sequence) {
        Object[] row = unit.<Long, Object[]>map(MvUnit.LEDGER).get(sequence);
        return row == null ? null : Rows.decode(StoredLedgerRow.class, row);
    }

    /** @return the rows of one stored subject id, lowest sequence first */
    List<StoredLedgerRow> subjectRows(String subject) {
        List<StoredLedgerRow> found = new ArrayList<>();
        Iterator<String> it = unit.<String, Long>map(MvUnit.LEDGER_SUBJECTS).keyIterator(subject + '\u0000', null);
        while (it.hasNext()) {
            String key = it.next();
            if (!key.startsWith(subject + '\u0000')) {
                break;
            }
            found.add(row(Long.parseLong(key.substring(subject.length() + 1))));
        }
        return found;
    }

    /** Subject, then the sequence zero-padded, so the keys of one subject are together and in order. */
    static String subjectKey(String subject, long sequence) {
        return subject + '\u0000' + String.format("%019d", sequence);
    }
}
