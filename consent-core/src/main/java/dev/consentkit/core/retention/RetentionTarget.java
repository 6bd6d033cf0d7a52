package dev.consentkit.core.retention;

import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The host's records of one data category, as the retention engine disposes of them: the host
 * implements it per category (bookings, client cards, photos) and registers it with
 * {@link RetentionEngine.Builder#target}.
 *
 * <p>{@link #dispose} runs inside the kit's unit of work that also stores the disposal markers and the
 * act entry, so all of it commits together or not at all: a JDBC host runs its statements on that
 * unit's connection ({@code JdbcStorage.connection(tx)}). A host whose records live elsewhere must make
 * {@code dispose} idempotent (disposing of a record already gone is not an error), since a crash
 * after its own commit and before the kit's makes the next run ask again.
 *
 * <p>Implementations must be thread-safe if runs may overlap.
 */
public interface RetentionTarget {
    /**
     * Disposes of a batch: deletes or anonymises the records it names (for
     * {@link DisposalAction#CRYPTO_SHRED} the keys are already destroyed; drop or keep the unreadable
     * ciphertext). Whole subjects ({@link DisposalBatch#wholeSubjects()}) mean every record of the
     * category that belongs to them.
     *
     * @param batch what to dispose of
     * @param tx the kit's unit of work the disposal commits with
     * @return how many of the host's rows were changed (reported, not checked)
     * @throws RuntimeException any failure: the unit of work is rolled back and the run stops; the next
     *                          run disposes of the batch again
     */
    int dispose(DisposalBatch batch, StorageTransaction tx);

    /**
     * For policies anchored {@code SINCE_COLLECTION}: one page of records still holding personal data
     * that were collected at or before {@code upTo}, ordered by subject id then record id, after the
     * cursor {@code after}. The default supports no such policy.
     *
     * @param upTo latest collection time wanted, inclusive
     * @param after the last key of the previous page, or empty for the first
     * @param limit at most this many
     * @return the page, one anchor per record (its collection time)
     * @throws UnsupportedOperationException if the category's records have no collection time
     */
    default List<RetentionAnchor> collectedUpTo(Instant upTo, Optional<RetentionAnchor.Key> after, int limit) {
        throw new UnsupportedOperationException("this retention target does not list records by collection time");
    }
}
