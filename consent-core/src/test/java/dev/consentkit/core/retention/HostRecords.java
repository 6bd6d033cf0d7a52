package dev.consentkit.core.retention;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A host's table of one category in memory, as a {@link RetentionTarget}: disposes of whole subjects
 * and single records set-wise, logs every record it disposed of (to prove none twice), and can be told
 * to fail on its n-th batch before touching anything. Not thread-safe.
 */
final class HostRecords implements RetentionTarget {
    record Row(String id, SubjectId subject, Instant collectedAt, boolean anonymised) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    final List<String> disposedLog = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    private int failOnBatch = -1;
    private int batches;

    void add(String id, SubjectId subject, Instant collectedAt) {
        rows.put(id, new Row(id, subject, collectedAt, false));
    }

    void failOnBatch(int n) {
        this.failOnBatch = n;
    }

    Map<String, Row> rows() {
        return rows;
    }

    @Override
    public int dispose(DisposalBatch batch, StorageTransaction tx) {
        batches++;
        if (batches == failOnBatch) {
            throw new IllegalStateException("host table unavailable (injected)");
        }
        batchSizes.add(batch.items().size());
        Set<SubjectId> whole = batch.wholeSubjects();
        List<String> refs = batch.recordRefs();
        List<String> hit = rows.values().stream()
                .filter(r -> !r.anonymised() && (whole.contains(r.subject()) || refs.contains(r.id())))
                .map(Row::id).toList();
        for (String id : hit) {
            if (batch.action() == DisposalAction.ANONYMISE) {
                Row r = rows.get(id);
                rows.put(id, new Row(id, SubjectId.of("anonymous"), r.collectedAt(), true));
            } else {
                rows.remove(id);
            }
            disposedLog.add(id);
        }
        return hit.size();
    }

    @Override
    public List<RetentionAnchor> collectedUpTo(Instant upTo, Optional<RetentionAnchor.Key> after, int limit) {
        Comparator<RetentionAnchor.Key> order = Comparator.comparing((RetentionAnchor.Key k) -> k.subject().value())
                .thenComparing(RetentionAnchor.Key::recordRef);
        return rows.values().stream().filter(r -> !r.anonymised() && !r.collectedAt().isAfter(upTo))
                .map(r -> new RetentionAnchor(r.subject(), r.id(), r.collectedAt()))
                .filter(a -> after.isEmpty() || order.compare(a.key(), after.get()) > 0)
                .sorted(Comparator.comparing(RetentionAnchor::key, order)).limit(limit).toList();
    }
}
