package dev.consentkit.crypto;

import java.util.Objects;

/**
 * What a {@link SealingJob} run has done: running totals after each batch, and the totals of the run at
 * its end. Counts rows, never values. Immutable.
 *
 * @param field the column, {@code table.column}
 * @param sealed rows whose plaintext the run replaced by its sealed form
 * @param alreadySealed rows that held a ConsentKit ciphertext already (sealed by an earlier run or by the application)
 * @param changed rows whose value changed between reading and replacing: left for the next run
 * @param skipped rows whose value cannot be sealed (not well-formed text) or that hold none: left as they are
 * @param unindexable rows sealed without a blind-index entry, their value not normalisable for the index
 * @param batches batches committed
 */
public record SealingReport(String field, int sealed, int alreadySealed, int changed, int skipped, int unindexable,
                            int batches) {
    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public SealingReport {
        Objects.requireNonNull(field, "field");
        if (sealed < 0 || alreadySealed < 0 || changed < 0 || skipped < 0 || unindexable < 0 || batches < 0) {
            throw new IllegalArgumentException("a sealing report counts from 0");
        }
    }

    /** @return whether the run left no row it could seal behind (none changed meanwhile) */
    public boolean complete() {
        return changed == 0;
    }

    String counts() {
        return "sealed=" + sealed + " already=" + alreadySealed + " changed=" + changed + " skipped=" + skipped
                + " unindexable=" + unindexable;
    }
}
