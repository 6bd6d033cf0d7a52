package dev.consentkit;

import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.spi.AuditStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link ReadAuditMode.Synchronous}: group commit of read audits. Concurrent callers queue their
 * entries; one of them (the leader) writes the whole queue, linked into the chain, in one transaction
 * of its own and commits once, and every caller returns once the batch holding its entry committed. Only
 * one batch is written at a time, so read audits use at most one connection of the host's pool at any
 * moment, however many threads read. Thread-safe.
 */
final class GroupCommitReads implements ReadAudits {
    private final Object lock = new Object();
    private final Function<List<AuditStore.NewEntry>, List<AuditEntry>> writer;
    private final Consumer<List<AuditEntry>> afterBatch;
    private List<Waiting> queue = new ArrayList<>();
    private boolean writing;

    GroupCommitReads(Function<List<AuditStore.NewEntry>, List<AuditEntry>> writer,
                     Consumer<List<AuditEntry>> afterBatch) {
        this.writer = writer;
        this.afterBatch = afterBatch;
    }

    /** One caller's entry and, once its batch ended, whether it was written. */
    private static final class Waiting {
        final AuditStore.NewEntry entry;
        RuntimeException failure;
        boolean done;

        Waiting(AuditStore.NewEntry entry) {
            this.entry = entry;
        }
    }

    @Override
    public void record(AuditStore.NewEntry entry) {
        Waiting me = new Waiting(entry);
        boolean interrupted = false;
        try {
            synchronized (lock) {
                queue.add(me);
            }
            while (true) {
                List<Waiting> batch;
                synchronized (lock) {
                    while (!me.done && writing) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            // the entry may be in a batch being written: wait for its outcome all the same
                            interrupted = true;
                        }
                    }
                    if (me.done) {
                        outcome(me);
                        return;
                    }
                    writing = true;
                    batch = queue;
                    queue = new ArrayList<>();
                }
                try {
                    List<AuditEntry> written = write(batch);
                    if (!written.isEmpty()) {
                        afterBatch.accept(written);
                    }
                } finally {
                    synchronized (lock) {
                        writing = false;
                        lock.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Nothing waits between calls: each caller returned once its entry committed. */
    @Override
    public void flush() {
        // every entry handed to record() was committed before that call returned
    }

    @Override
    public void close() {
        // no thread, no queue
    }

    @Override
    public int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    @Override
    public boolean flusherRunning() {
        return false;
    }

    /** @return the entries written, empty if the batch failed */
    private List<AuditEntry> write(List<Waiting> batch) {
        try {
            List<AuditEntry> entries = writer.apply(batch.stream().map(w -> w.entry).toList());
            synchronized (lock) {
                for (Waiting w : batch) {
                    w.done = true;
                }
                lock.notifyAll();
            }
            return entries;
        } catch (RuntimeException e) {
            synchronized (lock) {
                for (Waiting w : batch) {
                    w.failure = e;
                    w.done = true;
                }
                lock.notifyAll();
            }
            return List.of();
        }
    }

    private static void outcome(Waiting w) {
        if (w.failure != null) {
            throw new StorageException("the audit record of a read could not be written; nothing was returned",
                    w.failure);
        }
    }
}
