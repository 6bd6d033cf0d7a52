package dev.consentkit;

import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.spi.AuditStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link ReadAuditMode.WriteBehind}: read audits queued in memory and written behind.
 *
 * <ul>
 *   <li>{@link #record} appends the (already MACed) entry to a bounded FIFO queue and returns.</li>
 *   <li>A flusher thread of its own ({@code consentkit-read-audits-N}, a daemon), started with the first
 *       entry and ended after {@value #IDLE_SECONDS} s without any, writes the queue when it holds a full
 *       batch or its oldest entry is {@code maxDelay} old: everything queued at that moment, in batches
 *       of at most {@code batchSize}, each in one transaction of the kit's own that also links it into
 *       the chain.</li>
 *   <li><b>One writer at a time</b> (the <em>turn</em>): the flusher, or a caller that flushes, or a
 *       caller facing a full queue. So read audits use at most one pool connection at any moment.</li>
 *   <li><b>Bounded</b>: at most {@code capacity} entries queued or being written. A caller finding the
 *       queue full writes the oldest batch itself (or waits while another writer does); if that write
 *       fails, the caller gets the failure and its own entry is not queued (it must not hand out the
 *       value). Nothing is ever dropped.</li>
 *   <li><b>Failures</b>: a batch that fails goes back to the head of the queue, in order; the flusher
 *       reports it ({@link AuditHooks#readAuditsFailed}) and retries after a pause that doubles from
 *       {@code maxDelay} up to {@value #MAX_BACKOFF_SECONDS} s.</li>
 *   <li>{@link #close} writes the queue on the caller's thread and stops the flusher; afterwards every
 *       {@code record} writes its entry before it returns. A JVM shutdown hook (one for all instances)
 *       asks every running flusher to write what it holds and waits up to {@value #SHUTDOWN_WAIT_SECONDS}
 *       s in all: best effort, since the host's pool may already be closing.</li>
 * </ul>
 *
 * <p>Scheduling uses {@link System#nanoTime()}: it measures waiting, it records no time. Thread-safe.
 */
final class WriteBehindReads implements ReadAudits {
    static final int IDLE_SECONDS = 5;
    static final int MAX_BACKOFF_SECONDS = 5;
    static final int SHUTDOWN_WAIT_SECONDS = 5;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Instances whose flusher runs: what the shutdown hook flushes. */
    private static final Set<WriteBehindReads> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every change: an entry queued, a batch written or put back, the turn given back. */
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final Function<List<AuditStore.NewEntry>, List<AuditEntry>> writer;
    private final Consumer<List<AuditEntry>> afterBatch;
    private final long maxDelayNanos;
    private final int batchSize;
    private final int capacity;
    /** Entries ever queued, and ever written (in queue order): {@code written >= n} means the first n are. */
    private long enqueued;
    private long written;
    /** Entries taken from the queue by the writer holding the turn. */
    private int inFlight;
    /** The thread writing (or sequencing), if any. */
    private Thread turn;
    private Thread flusher;
    private boolean closed;
    /** Write what is queued now, without waiting for a full batch or the delay (shutdown). */
    private boolean urgent;
    /** After a failure: when the flusher tries again ({@code System.nanoTime()}), and the next pause. */
    private long retryAt;
    private long backoffNanos;
    private boolean failing;

    /** An entry and when it was queued. */
    private record Queued(AuditStore.NewEntry entry, long at) {
    }

    WriteBehindReads(ReadAuditMode.WriteBehind mode, Function<List<AuditStore.NewEntry>, List<AuditEntry>> writer,
                     Consumer<List<AuditEntry>> afterBatch) {
        this.writer = writer;
        this.afterBatch = afterBatch;
        this.maxDelayNanos = mode.maxDelay().toNanos();
        this.batchSize = mode.batchSize();
        this.capacity = mode.capacity();
    }

    @Override
    public void record(AuditStore.NewEntry entry) {
        lock.lock();
        try {
            while (queue.size() + inFlight >= capacity && turn != Thread.currentThread()) {
                if (turn == null) {
                    writeOldestBatchForFullQueue();
                } else {
                    changed.awaitUninterruptibly();
                }
            }
            // (an audit listener running on the turn may exceed the capacity by what it records itself)
            queue.addLast(new Queued(entry, System.nanoTime()));
            enqueued++;
            if (closed) {
                drain(enqueued);
                return;
            }
            if (flusher == null) {
                startFlusher();
            } else if (queue.size() == 1 || queue.size() >= batchSize) {
                changed.signalAll(); // the flusher has a new deadline, or a full batch
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * With the lock held, the queue full and the turn free: the caller writes the oldest batch itself.
     *
     * @throws StorageException if it failed: the caller's own entry was not queued
     */
    private void writeOldestBatchForFullQueue() {
        try {
            writeBatch();
        } catch (StorageException e) {
            throw new StorageException("the audit record of a read could not be written (the read-audit queue is full"
                    + " and its oldest batch failed); nothing was returned", e.getCause());
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            if (turn == Thread.currentThread()) {
                return; // an audit listener of the batch being written: it cannot wait for itself
            }
            drain(enqueued);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Thread running;
        boolean onTurn;
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            onTurn = turn == Thread.currentThread();
            if (!onTurn) {
                drain(enqueued);
            }
            running = flusher;
        } finally {
            lock.unlock();
        }
        if (running != null && !onTurn && running != Thread.currentThread()) {
            // the queue is empty and closed: the flusher ends after the step it is in
            boolean interrupted = false;
            while (running.isAlive()) {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int queued() {
        lock.lock();
        try {
            return queue.size() + inFlight;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean flusherRunning() {
        lock.lock();
        try {
            return flusher != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * With the lock held: writes (or waits for other writers to write) until the first {@code target}
     * entries are written.
     *
     * @throws StorageException if a batch this thread wrote failed
     */
    private void drain(long target) {
        while (written < target) {
            if (turn == null) {
                writeBatch();
            } else {
                changed.awaitUninterruptibly();
            }
        }
    }

    /**
     * With the lock held and the turn free: takes the turn, writes the oldest batch (the lock released
     * meanwhile), tells the listeners, gives the turn back.
     *
     * @throws StorageException if the batch could not be written; it is back at the head of the queue
     */
    private void writeBatch() {
        List<Queued> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
        while (batch.size() < batchSize && !queue.isEmpty()) {
            batch.add(queue.pollFirst());
        }
        turn = Thread.currentThread();
        inFlight = batch.size();
        List<AuditEntry> entries = null;
        RuntimeException failure = null;
        lock.unlock();
        try {
            try {
                entries = writer.apply(batch.stream().map(Queued::entry).toList());
            } catch (RuntimeException e) {
                failure = e;
            }
            if (entries != null) {
                afterBatch.accept(entries);
            }
        } finally {
            lock.lock();
            inFlight = 0;
            turn = null;
            if (entries != null) {
                written += batch.size();
                failing = false; // the store works again: the flusher need not wait out its pause
            } else {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    queue.addFirst(batch.get(i));
                }
                if (flusher == null && !closed) {
                    startFlusher(); // the entries put back need a flusher, whoever wrote them
                }
            }
            changed.signalAll();
        }
        if (failure != null) {
            throw new StorageException("the audit records of " + batch.size() + " reads could not be written;"
                    + " they stay queued", failure);
        }
    }

    private void startFlusher() {
        Thread t = new Thread(this::runFlusher, "consentkit-read-audits-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        flusher = t;
        RUNNING.add(this);
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(WriteBehindReads::flushAllAtShutdown,
                        "consentkit-read-audits-shutdown"));
            } catch (IllegalStateException e) {
                // the JVM is exiting already: nothing will run the hook, the flusher does what it can
            }
        }
        t.start();
    }

    private void runFlusher() {
        lock.lock();
        try {
            long idleSince = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                if (queue.isEmpty()) {
                    // another writer's batch may come back (a failure): stay until nothing is in flight
                    boolean idle = inFlight == 0 && turn == null;
                    long idleLeft = idleSince + TimeUnit.SECONDS.toNanos(IDLE_SECONDS) - now;
                    if (idle && (closed || idleLeft <= 0)) {
                        return;
                    }
                    awaitNanos(idle ? idleLeft : TimeUnit.SECONDS.toNanos(1));
                    continue;
                }
                long due = failing ? retryAt
                        : (urgent || closed || queue.size() >= batchSize ? now : queue.peekFirst().at() + maxDelayNanos);
                if (urgent && failing && retryAt - now > 0) {
                    due = now; // shutting down: one more try at once
                }
                if (due - now > 0 || turn != null) {
                    awaitNanos(turn != null ? TimeUnit.SECONDS.toNanos(1) : due - now);
                    continue;
                }
                try {
                    drain(enqueued);
                    failing = false;
                    backoffNanos = 0;
                } catch (StorageException e) {
                    failing = true;
                    backoffNanos = backoffNanos == 0 ? maxDelayNanos
                            : Math.min(backoffNanos * 2, TimeUnit.SECONDS.toNanos(MAX_BACKOFF_SECONDS));
                    retryAt = System.nanoTime() + backoffNanos;
                    AuditHooks.readAuditsFailed(e.getCause() instanceof RuntimeException r ? r : e,
                            queue.size() + inFlight, backoffNanos / 1_000_000);
                }
                urgent = false;
                idleSince = System.nanoTime();
            }
        } finally {
            flusher = null;
            RUNNING.remove(this);
            changed.signalAll();
            lock.unlock();
        }
    }

    /** Waits, with the lock held, for a change or the time; an interrupt of the flusher only wakes it. */
    private void awaitNanos(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            // the flusher's own thread: nothing to stop but the wait
        }
    }

    /** The JVM is exiting: every running flusher writes what it holds; waits up to the bound in all. */
    private static void flushAllAtShutdown() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
        List<WriteBehindReads> running = List.copyOf(RUNNING);
        long[] targets = new long[running.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = running.get(i).requestUrgentFlush();
        }
        for (int i = 0; i < targets.length; i++) {
            running.get(i).awaitWritten(targets[i], deadline);
        }
    }

    /** @return how many entries must be written for everything queued now to be */
    private long requestUrgentFlush() {
        lock.lock();
        try {
            urgent = true;
            changed.signalAll();
            return enqueued;
        } finally {
            lock.unlock();
        }
    }

    private void awaitWritten(long target, long deadline) {
        lock.lock();
        try {
            while (written < target && flusher != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "WriteBehindReads[batch " + batchSize + ", capacity " + capacity + "]";
    }
}
