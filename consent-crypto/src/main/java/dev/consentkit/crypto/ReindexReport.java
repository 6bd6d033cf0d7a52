package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import java.util.Objects;

/**
 * What a {@link ReindexJob} run has done: running totals after each batch, and the totals of the run
 * at its end. Counts subjects (and attributed entries), never values. Immutable.
 *
 * @param index the index name
 * @param version the version the run moves entries to
 * @param attributed entries stored before key groups were recorded that the run attributed to the
 *     index's group and field
 * @param moved subjects whose entries now are one entry at {@code version}
 * @param dropped subjects whose older entries were removed without a new one: the host no longer holds
 *     a value for them, or their key group was shredded (their value cannot be read any more)
 * @param skipped subjects left on their older version: the reading purpose is not permitted for them,
 *     their value does not open, or it does not normalise at {@code version}. They keep answering
 *     searches through their older version, and the next run tries them again
 * @param batches batches committed
 */
public record ReindexReport(IndexName index, int version, int attributed, int moved, int dropped, int skipped, int batches) {
    /**
     * @throws IllegalArgumentException if a count is negative or the version is below 1
     */
    public ReindexReport {
        Objects.requireNonNull(index, "index");
        if (version < 1 || attributed < 0 || moved < 0 || dropped < 0 || skipped < 0 || batches < 0) {
            throw new IllegalArgumentException("a re-index report counts from 0 and versions from 1");
        }
    }

    /** @return whether the run left no subject behind on an older version */
    public boolean complete() {
        return skipped == 0;
    }
}
