package dev.consentkit;

import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEntry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.spi.AuditStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The invariants of the write-behind queue (issue 13; M21: no audit record is lost or duplicated
 * while the process runs), under any interleaving of reads, flushes, store failures and the flusher
 * thread: every read that was not refused is written exactly once, in the order recorded; a refused
 * read (full queue, failing store) is never written; the queue never holds more than its capacity; at
 * most one batch is written at a time. Runs the real class against an in-memory writer that can fail.
 */
class WriteBehindReadsProperties {
    private static final String[] OPS = {"read", "read", "read", "read", "flush", "fail", "heal"};

    /** The store: written entries in order, a switch to fail, and the writers at once. */
    private static final class Store {
        final List<String> written = new ArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger writing = new AtomicInteger();
        final AtomicInteger mostWriting = new AtomicInteger();
        final AtomicLong ids = new AtomicLong();

        List<AuditEntry> write(List<AuditStore.NewEntry> batch) {
            mostWriting.accumulateAndGet(writing.incrementAndGet(), Math::max);
            try {
                if (failing.get()) {
                    throw new StorageException("store unavailable", null);
                }
                List<AuditEntry> entries = new ArrayList<>();
                synchronized (written) {
                    for (AuditStore.NewEntry e : batch) {
                        written.add(e.event().reference().orElseThrow());
                        entries.add(new AuditEntry(ids.incrementAndGet(), e.event(), e.ledger(), e.mac()));
                    }
                }
                return entries;
            } finally {
                writing.decrementAndGet();
            }
        }
    }

    @Property(tries = 60)
    void everyAcceptedReadIsWrittenOnceInOrderAndTheQueueStaysBounded(
            @ForAll @Size(min = 1, max = 60) List<@From("operations") String> operations,
            @ForAll @IntRange(min = 1, max = 6) int capacity, @ForAll @IntRange(min = 1, max = 6) int batch,
            @ForAll @IntRange(min = 1, max = 3) int delayMillis) {
        int batchSize = Math.min(batch, capacity);
        Store store = new Store();
        WriteBehindReads reads = new WriteBehindReads(
                new ReadAuditMode.WriteBehind(Duration.ofMillis(delayMillis), batchSize, capacity),
                store::write, entries -> { });
        List<String> accepted = new ArrayList<>();
        int mostQueued = 0;
        int n = 0;
        for (String op : operations) {
            switch (op) {
                case "read" -> {
                    String ref = "read-" + n++;
                    try {
                        reads.record(entry(ref));
                        accepted.add(ref);
                    } catch (StorageException refused) {
                        assertThat(store.failing.get()).as("only a failing store refuses a read").isTrue();
                    }
                }
                case "flush" -> {
                    try {
                        reads.flush();
                    } catch (StorageException e) {
                        assertThat(store.failing.get()).isTrue();
                    }
                }
                case "fail" -> store.failing.set(true);
                default -> store.failing.set(false);
            }
            mostQueued = Math.max(mostQueued, reads.queued());
        }
        store.failing.set(false);
        reads.close();

        assertThat(reads.queued()).isZero();
        assertThat(reads.flusherRunning()).isFalse();
        synchronized (store.written) {
            assertThat(store.written).as("each accepted read once, in order; no refused read").isEqualTo(accepted);
        }
        assertThat(mostQueued).isLessThanOrEqualTo(capacity);
        assertThat(store.mostWriting.get()).as("one batch at a time").isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(OPS);
    }

    private static AuditStore.NewEntry entry(String reference) {
        AuditEvent event = new AuditEvent(Instant.parse("2026-03-02T10:00:00Z"), Actor.operator("desk-1"),
                new AuditAction("field.opened"), Optional.empty(), Optional.empty(), AuditOutcome.SUCCESS,
                Optional.of(reference));
        return new AuditStore.NewEntry(event, Optional.empty(), "0".repeat(64));
    }
}
