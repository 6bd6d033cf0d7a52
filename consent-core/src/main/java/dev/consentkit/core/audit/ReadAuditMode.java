package dev.consentkit.core.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * How a kit writes the audit entries of reads of protected values ({@code AuditTrail.recordRead}: a
 * field opened or refused). Chosen once, on {@code ConsentKit.Builder.readAudits}; the default is
 * {@link #writeBehind()}.
 *
 * <ul>
 *   <li>{@link WriteBehind} (default): {@code recordRead} MACs the entry, queues it in memory and
 *       returns; a flusher thread of the kit writes the queue in batches, each in one transaction of
 *       the kit's own, when a batch is full or the oldest queued entry is {@link WriteBehind#maxDelay()}
 *       old, and then runs the sequencer. <b>A crash (or a kill) loses the queued entries</b>: at most
 *       {@link WriteBehind#capacity()} of them, and in normal operation the reads of the last
 *       {@code maxDelay} plus those of the batch being written — plaintext was handed out for them
 *       and the audit will not show it. {@code ConsentKit.close()} writes the queue.</li>
 *   <li>{@link Synchronous}: every {@code recordRead} returns only once its entry is committed, so no
 *       plaintext leaves the kit without a durable audit record; concurrent reads share one commit. A
 *       durable commit per batch of waiting readers limits opens to a few thousand per second per kit
 *       on an ordinary disk.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ReadAuditMode permits ReadAuditMode.Synchronous, ReadAuditMode.WriteBehind {
    /** Default {@link WriteBehind#maxDelay()}: 100 ms. */
    Duration DEFAULT_MAX_DELAY = Duration.ofMillis(100);
    /** Default {@link WriteBehind#batchSize()}: 1 000 entries. */
    int DEFAULT_BATCH_SIZE = 1_000;
    /** Default {@link WriteBehind#capacity()}: 10 000 entries. */
    int DEFAULT_CAPACITY = 10_000;

    /**
     * @return every read audit committed before {@code recordRead} returns (no plaintext without a
     *         committed record)
     */
    static Synchronous synchronous() {
        return new Synchronous();
    }

    /**
     * @return write-behind with the defaults: at most 100 ms of delay, batches of up to 1 000 entries,
     *         at most 10 000 entries queued
     */
    static WriteBehind writeBehind() {
        return new WriteBehind(DEFAULT_MAX_DELAY, DEFAULT_BATCH_SIZE, DEFAULT_CAPACITY);
    }

    /**
     * @param maxDelay how long an entry may wait in the queue before the flusher writes it: 1 ms to 10 s
     * @param capacity how many entries may be queued or being written at most: 1 to 1 000 000
     * @return write-behind with these bounds and batches of at most {@code min(1 000, capacity)} entries
     * @throws IllegalArgumentException if a bound is out of range
     */
    static WriteBehind writeBehind(Duration maxDelay, int capacity) {
        return new WriteBehind(maxDelay, Math.max(1, Math.min(DEFAULT_BATCH_SIZE, capacity)), capacity);
    }

    /** Each read audit committed before {@code recordRead} returns; concurrent reads share one commit. */
    record Synchronous() implements ReadAuditMode {
        @Override
        public String toString() {
            return "synchronous";
        }
    }

    /**
     * Read audits queued in memory and written by the kit's flusher thread; a full queue makes the
     * reader write the oldest batch itself (never drops an entry, never grows past {@code capacity}).
     *
     * @param maxDelay how long an entry may wait before the flusher writes it: 1 ms to 10 s
     * @param batchSize at most this many entries per transaction: 1 to {@code capacity}
     * @param capacity at most this many entries queued or being written: 1 to 1 000 000
     */
    record WriteBehind(Duration maxDelay, int batchSize, int capacity) implements ReadAuditMode {
        private static final Duration MIN_DELAY = Duration.ofMillis(1);
        private static final Duration MAX_DELAY = Duration.ofSeconds(10);

        /**
         * @throws IllegalArgumentException if a bound is out of range
         */
        public WriteBehind {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxDelay.compareTo(MIN_DELAY) < 0 || maxDelay.compareTo(MAX_DELAY) > 0) {
                throw new IllegalArgumentException("read audit maxDelay must be between 1 ms and 10 s");
            }
            if (capacity < 1 || capacity > 1_000_000) {
                throw new IllegalArgumentException("read audit capacity must be between 1 and 1000000");
            }
            if (batchSize < 1 || batchSize > capacity) {
                throw new IllegalArgumentException("read audit batch size must be between 1 and the capacity ("
                        + capacity + ")");
            }
        }

        @Override
        public String toString() {
            return "write-behind (max delay " + maxDelay.toMillis() + " ms, batches of " + batchSize + ", capacity "
                    + capacity + ")";
        }
    }
}
