package dev.consentkit.crypto;

import dev.consentkit.core.spi.StorageTransaction;
import java.util.List;
import java.util.Optional;

/**
 * A host's column that still holds plaintext, for a {@link SealingJob}: ConsentKit does not know the
 * host's tables, so the host pages through the rows and replaces a value. Over JDBC, e.g. for
 * {@code client.phone}:
 *
 * <pre>{@code
 * page:    SELECT id, client_id, phone FROM client WHERE id > ? ORDER BY id LIMIT ?
 * replace: UPDATE client SET phone = ? WHERE id = ? AND phone = ?      -- on JdbcStorage.connection(tx)
 * }</pre>
 *
 * <p>Implementations must be thread-safe if runs may overlap.
 */
public interface PlaintextColumn {
    /**
     * @param after the row key the previous page ended with; empty for the first page
     * @param limit at most this many rows
     * @return the next rows in the order of their row keys, each with its current value (plaintext, or
     *     already sealed, or null for none); fewer than {@code limit} only at the end
     */
    List<ColumnRow> page(Optional<String> after, int limit);

    /**
     * Replaces a row's value by its sealed form if the row still holds {@code plaintext}, inside the
     * job's unit of work, so that the new value, its blind-index entry and the progress record commit
     * together. Over JDBC write on {@code JdbcStorage.connection(tx)}; a host whose transaction manager
     * the storage joins writes through its own repositories inside {@link SealingJob.BatchTransaction}.
     *
     * @param tx the job's unit of work
     * @param rowKey the row
     * @param plaintext the value the job read and sealed
     * @param sealed the sealed value to store
     * @return whether the row was replaced; false if its value changed since it was read (the next run
     *     takes it up again)
     */
    boolean replace(StorageTransaction tx, String rowKey, String plaintext, String sealed);
}
