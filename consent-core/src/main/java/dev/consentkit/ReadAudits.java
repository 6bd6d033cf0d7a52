package dev.consentkit;

import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit of read audits: concurrent callers queue their events; one of them (the leader) writes
 * the whole queue in one transaction of its own and commits once, and every caller returns once the
 * batch holding its event committed. Only one batch is written at a time, so read audits use at most
 * one connection of the host's pool at any moment, however many threads read. Thread-safe.
 */
final class ReadAudits {
    private final Object lock = new Object();
    private final Function<List<AuditEvent>, List<AuditEntry>> writer;
    private final java.util.function.Consumer<List<AuditEntry>> afterBatch;
    private List<Waiting> queue = new ArrayList<>();
    private boolean writing;

    /**
     * @param writer writes a batch in one committed transaction and returns its entries, in order
     * @param afterBatch runs with a batch's entries after it committed and its callers were released,
     *                   before the next batch is written (sequencing, listeners); must not throw
     */
    ReadAudits(Function<List<AuditEvent>, List<AuditEntry>> writer,
               java.util.function.Consumer<List<AuditEntry>> afterBatch) {
        this.writer = writer;
        this.afterBatch = afterBatch;
    }

    /** One caller's event and, once its batch ended, the entry or the failure. */
    private static final class Waiting {
        final AuditEvent event;
        AuditEntry entry;
        RuntimeException failure;
        boolean done;

        Waiting(AuditEvent event) {
            this.event = event;
        }
    }

    /**
     * @param event the event of a read
     * @return its entry, committed
     * @throws StorageException if its batch could not be written
     */
    AuditEntry record(AuditEvent event) {
        Waiting me = new Waiting(event);
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
                            // the event may be in a batch being written: wait for its outcome all the same
                            interrupted = true;
                        }
                    }
                    if (me.done) {
                        return outcome(me);
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

    /** @return the entries written, empty if the batch failed */
    private List<AuditEntry> write(List<Waiting> batch) {
        try {
            List<AuditEntry> entries = writer.apply(batch.stream().map(w -> w.event).toList());
            synchronized (lock) {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).entry = entries.get(i);
                    batch.get(i).done = true;
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

    private static AuditEntry outcome(Waiting w) {
        if (w.failure != null) {
            throw new StorageException("the audit record of a read could not be written; nothing was returned",
                    w.failure);
        }
        return w.entry;
    }
}
