package dev.consentkit.examples.mvstore;

import dev.consentkit.core.StorageException;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * A consent-only storage adapter on H2's MVStore, an embedded key-value store with transactions: the
 * ledger, projection, suppression list and audit chain in one file (or in memory), each unit of work one
 * MVStore transaction that commits or rolls back as a whole. It offers no feature port, so a feature
 * built on it (subject rights, legal holds, retention, breaches, alerts, field protection) fails at build,
 * naming the port it misses.
 *
 * <p>Concurrency: the file belongs to one process (MVStore locks it), and units of work that write run
 * one at a time, exclusive of reads; reads run in parallel. That is what makes the subject locks and the
 * audit sequencer's lock hold: no other writer can be inside a unit while one runs. A unit opened inside
 * another on the same thread joins it (reads see its writes; a write inside a read is refused).
 *
 * <p>Thread-safe. Close it to flush the file and release it.
 */
public final class MvStoreStorage implements ConsentStorage, AutoCloseable {
    private final MVStore store;
    private final TransactionStore transactions;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<MvUnit> current = new ThreadLocal<>();
    private final AtomicLong lastEntryId;
    private final String description;

    private MvStoreStorage(MVStore store, String description) {
        this.store = store;
        this.description = description;
        this.transactions = new TransactionStore(store);
        transactions.init();
        Transaction tx = transactions.begin();
        try {
            lastEntryId = new AtomicLong(new MvUnit(tx, false, new AtomicLong()).lastEntryId());
        } finally {
            tx.rollback();
        }
    }

    /**
     * Opens (or creates) a storage in a file.
     *
     * @param file the MVStore file, never null; created if missing
     * @return the storage; close it when done
     * @throws StorageException if the file cannot be opened (missing directory, locked by another process)
     */
    public static MvStoreStorage open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new MvStoreStorage(new MVStore.Builder().fileName(file.toString()).open(), "file");
        } catch (MVStoreException e) {
            throw new StorageException("cannot open the MVStore file: " + e.getMessage(), e);
        }
    }

    /** @return a new, empty storage that lives in memory only, for tests */
    public static MvStoreStorage inMemory() {
        return new MvStoreStorage(new MVStore.Builder().open(), "memory");
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return run(work, true);
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return run(work, false);
    }

    private <T> T run(Function<StorageTransaction, T> work, boolean writable) {
        Objects.requireNonNull(work, "work");
        MvUnit joined = current.get();
        if (joined != null) {
            if (writable && !joined.writable()) {
                throw new IllegalStateException("a read-only unit of work cannot open one that writes");
            }
            return work.apply(joined);
        }
        if (store.isClosed()) {
            throw new IllegalStateException("the storage is closed");
        }
        Lock held = writable ? lock.writeLock() : lock.readLock();
        held.lock();
        Transaction tx = transactions.begin();
        MvUnit unit = new MvUnit(tx, writable, lastEntryId);
        current.set(unit);
        try {
            T result = work.apply(unit);
            unit.close();
            if (writable) {
                tx.commit();
                store.commit();
            } else {
                tx.rollback();
            }
            return result;
        } catch (RuntimeException | Error e) {
            unit.close();
            rollBack(tx, e);
            if (e instanceof MVStoreException failure) {
                throw new StorageException("the MVStore failed; nothing was written", failure);
            }
            throw e;
        } finally {
            current.remove();
            held.unlock();
        }
    }

    private static void rollBack(Transaction tx, Throwable cause) {
        try {
            if (tx.getStatus() != Transaction.STATUS_CLOSED) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Flushes everything committed and releases the file. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!store.isClosed()) {
                transactions.close();
                store.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "MvStoreStorage[" + description + "]";
    }
}
