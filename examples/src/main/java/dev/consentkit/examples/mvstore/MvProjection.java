package dev.consentkit.examples.mvstore;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.SubjectLock;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The projection of one unit: one row per scope, keyed subject, purpose, channel, asset (the row's own
 * {@link StoredProjectionRow#key}), so a subject's states of one purpose are one range of keys. Writers
 * run one at a time (see {@link MvStoreStorage}), so holding a subject's lock needs nothing more.
 */
final class MvProjection implements ProjectionStore {
    private final MvUnit unit;

    MvProjection(MvUnit unit) {
        this.unit = unit;
    }

    private TransactionMap<String, Object[]> rows() {
        return unit.map(MvUnit.PROJECTION);
    }

    /** Takes nothing: no other writer is inside a unit while this one runs. */
    @Override
    public void lock(Collection<SubjectLock> locks) {
        unit.checkWritable();
        Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose) {
        Objects.requireNonNull(purpose, "purpose");
        Map<SubjectId, List<ConsentState>> found = new HashMap<>();
        for (SubjectId subject : new LinkedHashSet<>(subjects)) {
            List<ConsentState> states = new ArrayList<>();
            range(subject.value() + '\u0000' + purpose.value() + '\u0000', r -> states.add(Rows.state(r)));
            if (!states.isEmpty()) {
                found.put(subject, states);
            }
        }
        return found;
    }

    @Override
    public void put(ConsentState state) {
        unit.checkWritable();
        StoredProjectionRow row = StoredProjectionRow.of(Objects.requireNonNull(state, "state"));
        rows().put(row.key(), Rows.encode(row));
    }

    @Override
    public void forPurpose(PurposeId purpose, Consumer<ConsentState> sink) {
        Objects.requireNonNull(purpose, "purpose");
        range("", r -> {
            if (r.purposeId().equals(purpose.value())) {
                sink.accept(Rows.state(r));
            }
        });
    }

    @Override
    public List<StoredProjectionRow> rowsOf(Collection<String> subjects) {
        List<StoredProjectionRow> rows = new ArrayList<>();
        new LinkedHashSet<>(subjects).forEach(s -> range(Objects.requireNonNull(s, "subject") + '\u0000', rows::add));
        return rows;
    }

    /** Reads every row: few enough for an example; a large store would keep an index of subjects. */
    @Override
    public List<String> orphans(Optional<String> after, int limit) {
        MvUnit.checkLimit(limit);
        MvLedger ledger = new MvLedger(unit);
        TreeSet<String> orphans = new TreeSet<>();
        range("", r -> {
            if (after.map(a -> r.subjectId().compareTo(a) > 0).orElse(true) && ledger.subjectRows(r.subjectId()).isEmpty()) {
                orphans.add(r.subjectId());
            }
        });
        return orphans.stream().limit(limit).toList();
    }

    /** Hands every row whose key starts with {@code prefix} to {@code sink}, in key order. */
    void range(String prefix, Consumer<StoredProjectionRow> sink) {
        Iterator<Map.Entry<String, Object[]>> it = rows().entryIterator(prefix, null);
        while (it.hasNext()) {
            Map.Entry<String, Object[]> e = it.next();
            if (!e.getKey().startsWith(prefix)) {
                return;
            }
            sink.accept(Rows.decode(StoredProjectionRow.class, e.getValue()));
        }
    }
}
