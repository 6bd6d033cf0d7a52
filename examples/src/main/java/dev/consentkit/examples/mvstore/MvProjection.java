package dev.consentkit.examples.mvstore;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StoredProjectionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The projection of one unit: one row per scope, keyed subject, purpose, channel, asset (the row's own
 * {@link StoredProjectionRow#key}), so a subject's states of one purpose are one range of keys.
 */
final class MvProjection implements ProjectionStore {
    private final MvUnit unit;

    MvProjection(MvUnit unit) {
        this.unit = unit;
    }

    private TransactionMap<String, Object[]> rows() {
        return unit.map(MvUnit.PROJECTION);
    }

    @Override
    public List<ConsentState> find(SubjectId subject, PurposeId purpose) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        List<ConsentState> found = new ArrayList<>();
        range(subject.value() + '\u0000' + purpose.value() + '\u0000', r -> found.add(Rows.state(r)));
        return found;
    }

    @Override
    public Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose) {
        Map<SubjectId, List<ConsentState>> found = new HashMap<>();
        for (SubjectId subject : subjects) {
            List<ConsentState> states = find(subject, purpose);
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
    public void forEach(Consumer<ConsentState> sink) {
        range("", r -> sink.accept(Rows.state(r)));
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
