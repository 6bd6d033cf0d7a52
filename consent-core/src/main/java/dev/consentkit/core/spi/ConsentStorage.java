package dev.consentkit.core.spi;

import java.util.function.Function;

/**
 * The storage port: runs units of work in which every repository shares one transaction, so a
 * ledger event, its projection row and its audit link are stored together or not at all.
 *
 * <p>Times are kept to the microsecond, the precision of SQL timestamps; ConsentKit records every
 * time cut to it, and a store may refuse a finer one with an {@link IllegalArgumentException}.
 *
 * <p>Implementations are thread-safe. If {@code work} throws, the unit is rolled back and the
 * exception propagates (a driver failure as {@link dev.consentkit.core.StorageException}, a write
 * conflict as {@link dev.consentkit.core.ConcurrentUpdateException}).
 */
public interface ConsentStorage {

    /**
     * Runs {@code work} in a read-write unit of work and commits it.
     *
     * @param work what to do; must not keep the transaction after it returns
     * @param <T> what it returns
     * @return what {@code work} returned
     * @throws dev.consentkit.core.StorageException if the store fails; nothing was written
     */
    <T> T inTransaction(Function<StorageTransaction, T> work);

    /**
     * Runs {@code work} in a read-write unit of work that never joins a transaction of the host, and
     * commits it before returning: for records that must outlive the host's transaction (the audit of
     * a field that was opened) and for the audit sequencer. A store that never joins host transactions
     * runs it as {@link #inTransaction}.
     *
     * @param work what to do; must not keep the transaction after it returns
     * @param <T> what it returns
     * @return what {@code work} returned
     * @throws dev.consentkit.core.StorageException if the store fails; nothing was written
     */
    default <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code work} as a read: it sees committed data only (a JDBC store may run each statement
     * on its own). Writing through it is an error.
     *
     * @param work what to read
     * @param <T> what it returns
     * @return what {@code work} returned
     * @throws dev.consentkit.core.StorageException if the store fails
     */
    <T> T read(Function<StorageTransaction, T> work);
}
