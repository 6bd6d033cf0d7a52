package dev.consentkit.examples.mvstore;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.StoredLedgerRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.h2.mvstore.tx.TransactionMap;

/** The append-only ledger of one unit: rows by sequence, plus an idempotency index and a subject index. */
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
    public List<LedgerEntry> history(SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        return rowsOf(subject.value()).stream().map(StoredLedgerRow::toEntry).toList();
    }

    @Override
    public List<LedgerEntry> read(long afterSequence, int limit) {
        return rows(afterSequence, limit).stream().map(StoredLedgerRow::toEntry).toList();
    }

    /** @return rows with a higher sequence than {@code afterSequence}, at most {@code limit}, in order */
    List<StoredLedgerRow> rows(long afterSequence, int limit) {
        MvUnit.checkLimit(limit);
        List<StoredLedgerRow> page = new ArrayList<>();
        Iterator<Map.Entry<Long, Object[]>> it = unit.<Long, Object[]>map(MvUnit.LEDGER)
                .entryIterator(Math.max(afterSequence, 0) + 1, null);
        while (it.hasNext() && page.size() < limit) {
            page.add(Rows.decode(StoredLedgerRow.class, it.next().getValue()));
        }
        return page;
    }

    StoredLedgerRow row(long sequence) {
        Object[] row = unit.<Long, Object[]>map(MvUnit.LEDGER).get(sequence);
        return row == null ? null : Rows.decode(StoredLedgerRow.class, row);
    }

    /** @return the rows of one stored subject id, lowest sequence first */
    List<StoredLedgerRow> rowsOf(String subject) {
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
