package dev.consentkit;

import dev.consentkit.core.audit.AuditListener;
import dev.consentkit.core.audit.ReadAuditMode;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.context.KitContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.consentkit.core.Actor;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;

/**
 * Read audits (issue 13, "reads stay reads"; R-GDPR-20 and M21: every decrypt is audited). In the
 * default write-behind mode {@code recordRead} queues the MACed entry and the kit's flusher writes it,
 * in batches, in transactions of the kit's own; every entry is written in the end, a failed batch is
 * retried and reported, the queue never holds more than its capacity (a full queue makes the reader
 * write), and {@code close()} writes the queue. In synchronous mode the entry is committed before the
 * call returns. In both, no more than one such transaction is open per kit at any time (the one extra
 * pool connection an opener inside a host transaction may need). No test waits for time to pass:
 * latches, explicit flushes and a closed kit decide.
 */
class ReadAuditsTest {
    private static final int THREADS = 16;
    private static final int READS = 40;
    /** A delay no test waits for: the flusher only writes when a test makes it (a full batch, a flush). */
    private static final Duration NEVER = Duration.ofSeconds(10);
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    /** Counts the units of work of the kit's own that are open at once; can be made to fail. */
    static class CountingStorage implements ConsentStorage {
        final ConsentStorage delegate;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        final AtomicInteger units = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile RuntimeException failure;
        volatile CountDownLatch failedOnce = new CountDownLatch(1);

        CountingStorage(ConsentStorage delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StorageTransaction, T> work) {
            return delegate.inTransaction(work);
        }

        @Override
        public <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            units.incrementAndGet();
            try {
                RuntimeException f = failure;
                if (f != null) {
                    failed.incrementAndGet();
                    failedOnce.countDown();
                    throw f;
                }
                return delegate.inOwnTransaction(work);
            } finally {
                open.decrementAndGet();
            }
        }

        @Override
        public <T> T read(Function<StorageTransaction, T> work) {
            return delegate.read(work);
        }

        /** @return every entry in the store, pending or linked, as stored (no flush, no sequencing) */
        List<StoredAuditRow> stored() {
            return delegate.read(tx -> Stream.concat(tx.audit().pending(1_000_000).stream(),
                    tx.audit().read(1, 1_000_000).stream()).toList());
        }
    }

    private AuditEvent opened(ConsentKit kit, int n) {
        return new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), Actor.operator("desk-" + n % 3),
                new AuditAction("field.opened"), Optional.of(kit.subjectRef(SubjectId.of("client-" + n))),
                Optional.of(Fixtures.ORDERS), AuditOutcome.SUCCESS, Optional.of("clients.email#" + n));
    }

    private static ConsentKit kit(ConsentStorage storage, MutableClock clock, ReadAuditMode mode,
                                  AuditListener... listeners) {
        ConsentKit.Builder b = ConsentKit.builder().catalog(Fixtures.catalog()).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).readAudits(mode);
        for (AuditListener l : listeners) {
            b.auditListener(l);
        }
        return b.build();
    }

    private static Set<String> references(List<StoredAuditRow> rows) {
        Set<String> refs = ConcurrentHashMap.newKeySet();
        rows.forEach(r -> r.reference().ifPresent(refs::add));
        return refs;
    }

    // ---- write-behind (the default) -------------------------------------------------------------------

    @Test
    void theDefaultIsWriteBehindAndSynchronousIsChosenOnTheBuilder() {
        ConsentKit byDefault = Fixtures.kit(InMemoryStorage.create(), clock);
        ConsentKit synchronous = kit(InMemoryStorage.create(), clock, ReadAuditMode.synchronous());

        assertThat(AuditTrail.of(byDefault).readAuditMode()).isEqualTo(ReadAuditMode.writeBehind());
        assertThat(AuditTrail.of(synchronous).readAuditMode()).isInstanceOf(ReadAuditMode.Synchronous.class);
    }

    @Test
    void concurrentReadsAreAllWrittenByTheFlusherWithOneOwnTransactionAtATime() throws Exception {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        CountDownLatch heard = new CountDownLatch(THREADS * READS);
        Set<String> flusherThreads = ConcurrentHashMap.newKeySet();
        ConsentKit kit = kit(storage, clock, ReadAuditMode.writeBehind(Duration.ofMillis(5), 10_000), entries -> {
            entries.forEach(e -> heard.countDown());
            flusherThreads.add(Thread.currentThread().getName());
        });

        inParallel(t -> {
            for (int i = 0; i < READS; i++) {
                KitContext.of(kit).recordRead(opened(kit, t * READS + i));
            }
            return null;
        });

        // nobody flushes: the flusher writes them within its delay (a guard against a hang, not a timing assertion)
        assertThat(heard.await(60, TimeUnit.SECONDS)).as("every read audit heard once written").isTrue();
        assertThat(flusherThreads).allSatisfy(name -> assertThat(name).startsWith("consentkit-read-audits-"));
        assertThat(references(storage.stored())).as("one entry per read, each in the store")
                .hasSize(THREADS * READS);
        assertThat(storage.mostOpen.get()).as("read audits (and the sequencer) hold one own transaction at a time")
                .isEqualTo(1);
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        kit.close();
    }

    @Test
    void aReadReturnsBeforeItsEntryIsWrittenAndAFlushWritesIt() throws Exception {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = kit(storage, clock, ReadAuditMode.writeBehind(NEVER, 1_000));
        storage.failure = new StorageException("audit table unavailable", null); // nothing could be written

        for (int n = 0; n < 3; n++) {
            KitContext.of(kit).recordRead(opened(kit, n)); // returns although no write can succeed
        }

        assertThat(AuditTrail.of(kit).queuedReads()).isEqualTo(3);
        assertThat(storage.stored()).isEmpty();
        storage.failure = null;
        AuditTrail.of(kit).flushReads();
        assertThat(AuditTrail.of(kit).queuedReads()).isZero();
        assertThat(references(storage.stored())).containsExactlyInAnyOrder("clients.email#0", "clients.email#1",
                "clients.email#2");
        kit.close();
    }

    @Test
    void aFailedFlushIsReportedToItsCallerAndTheEntriesStayQueued() {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = kit(storage, clock, ReadAuditMode.writeBehind(NEVER, 1_000));
        for (int n = 0; n < 5; n++) {
            KitContext.of(kit).recordRead(opened(kit, n));
        }
        storage.failure = new StorageException("audit table unavailable", null);

        assertThatThrownBy(() -> AuditTrail.of(kit).flushReads()).isInstanceOf(StorageException.class)
                .hasMessageContaining("stay queued");
        assertThatThrownBy(() -> AuditTrail.of(kit).verify()).as("everything that sequences flushes first")
                .isInstanceOf(StorageException.class);
        assertThat(AuditTrail.of(kit).queuedReads()).isEqualTo(5);

        storage.failure = null;
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(AuditTrail.of(kit).records(1, 100)).hasSize(5);
        kit.close();
    }

    /** The store fails the flusher's first write (Mockito injects it); the flusher retries by itself. */
    @Test
    void theFlusherRetriesAFailedBatchUntilItIsWritten() throws Exception {
        InMemoryStorage real = InMemoryStorage.create();
        ConsentStorage storage = mock(ConsentStorage.class, withSettings().defaultAnswer(AdditionalAnswers.delegatesTo(real)));
        CountDownLatch heard = new CountDownLatch(4);
        ConsentKit kit = kit(storage, clock, ReadAuditMode.writeBehind(Duration.ofMillis(1), 1_000),
                entries -> entries.forEach(e -> heard.countDown()));
        doAnswer(inv -> {
            throw new StorageException("connection reset", null);
        }).doAnswer(AdditionalAnswers.delegatesTo(real)).when(storage).inOwnTransaction(any());

        for (int n = 0; n < 4; n++) {
            KitContext.of(kit).recordRead(opened(kit, n));
        }

        assertThat(heard.await(60, TimeUnit.SECONDS)).as("written after the failure").isTrue();
        verify(storage, atLeast(2)).inOwnTransaction(any());
        int stored = real.read(tx -> tx.audit().pending(100).size() + tx.audit().read(1, 100).size());
        assertThat(stored).isEqualTo(4);
        kit.close();
    }

    @Test
    void aFullQueueMakesTheReaderWriteAndRefusesItsReadIfThatFailsNeverHoldingMoreThanTheCapacity() {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = kit(storage, clock, new ReadAuditMode.WriteBehind(NEVER, 4, 4));
        storage.failure = new StorageException("audit table unavailable", null);
        for (int n = 0; n < 4; n++) {
            KitContext.of(kit).recordRead(opened(kit, n)); // the fourth fills a batch: the flusher tries, fails, pauses
        }

        Throwable refused = catchThrowable(() -> KitContext.of(kit).recordRead(opened(kit, 4)));

        assertThat(refused).isInstanceOf(StorageException.class).hasMessageContaining("nothing was returned");
        assertThat(AuditTrail.of(kit).queuedReads()).as("the refused read was not queued").isEqualTo(4);

        storage.failure = null;
        KitContext.of(kit).recordRead(opened(kit, 5)); // full: writes the oldest batch itself, then queues
        assertThat(AuditTrail.of(kit).queuedReads()).isEqualTo(1);
        assertThat(references(storage.stored())).containsExactlyInAnyOrder("clients.email#0", "clients.email#1",
                "clients.email#2", "clients.email#3");
        kit.close();
        assertThat(references(storage.stored())).containsExactlyInAnyOrder("clients.email#0", "clients.email#1",
                "clients.email#2", "clients.email#3", "clients.email#5");
    }

    @Test
    void manyReadersAgainstASmallQueueNeverExceedItAndLoseNothing() throws Exception {
        AtomicInteger mostQueued = new AtomicInteger();
        ConsentKit[] holder = new ConsentKit[1];
        CountingStorage storage = new CountingStorage(InMemoryStorage.create()) {
            @Override
            public <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
                if (holder[0] != null) {
                    mostQueued.accumulateAndGet(AuditTrail.of(holder[0]).queuedReads(), Math::max);
                }
                return super.inOwnTransaction(work);
            }
        };
        ConsentKit kit = kit(storage, clock, new ReadAuditMode.WriteBehind(Duration.ofMillis(1), 4, 8));
        holder[0] = kit;

        inParallel(t -> {
            for (int i = 0; i < READS; i++) {
                KitContext.of(kit).recordRead(opened(kit, t * READS + i));
                mostQueued.accumulateAndGet(AuditTrail.of(kit).queuedReads(), Math::max);
            }
            return null;
        });
        AuditTrail.of(kit).flushReads();

        assertThat(mostQueued.get()).isBetween(1, 8);
        assertThat(references(storage.stored())).hasSize(THREADS * READS);
        assertThat(storage.mostOpen.get()).isEqualTo(1);
        kit.close();
    }

    @Test
    void closeWritesTheQueueLinksItStopsTheFlusherAndLaterReadsCommitBeforeTheyReturn() {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = kit(storage, clock, ReadAuditMode.writeBehind(NEVER, 1_000));
        for (int n = 0; n < 5; n++) {
            KitContext.of(kit).recordRead(opened(kit, n));
        }
        assertThat(AuditTrail.of(kit).readFlusherRunning()).isTrue();

        kit.close();

        assertThat(AuditTrail.of(kit).readFlusherRunning()).isFalse();
        List<StoredAuditRow> linked = storage.delegate.read(tx -> tx.audit().read(1, 100));
        assertThat(linked).as("written and linked by close()").hasSize(5);
        KitContext.of(kit).recordRead(opened(kit, 5));
        assertThat(references(storage.stored())).as("committed before recordRead returned").contains("clients.email#5");
        assertThat(AuditTrail.of(kit).readFlusherRunning()).isFalse();
        kit.close(); // again: harmless
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    // ---- synchronous ---------------------------------------------------------------------------------

    @Test
    void synchronousReadsAreCommittedBeforeTheyReturnWithOneOwnTransactionAtATime() throws Exception {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = kit(storage, clock, ReadAuditMode.synchronous());
        ConcurrentLinkedQueue<Boolean> committedOnReturn = new ConcurrentLinkedQueue<>();

        inParallel(t -> {
            for (int i = 0; i < READS; i++) {
                int n = t * READS + i;
                KitContext.of(kit).recordRead(opened(kit, n));
                // committed: in the store's pending or linked entries (read without any flush)
                committedOnReturn.add(references(storage.stored()).contains("clients.email#" + n));
            }
            return null;
        });

        assertThat(committedOnReturn).hasSize(THREADS * READS)
                .as("each read's entry was committed when it returned").containsOnly(true);
        assertThat(AuditTrail.of(kit).queuedReads()).isZero();
        assertThat(AuditTrail.of(kit).readFlusherRunning()).as("no thread in synchronous mode").isFalse();
        assertThat(storage.mostOpen.get()).as("read audits never hold more than one own transaction at a time")
                .isEqualTo(1);
        assertThat(AuditTrail.of(kit).records(1, 10_000)).hasSize(THREADS * READS);
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    @Test
    void aFailedSynchronousWriteReachesEveryReadItHeldAndNothingIsReturned() throws Exception {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = kit(storage, clock, ReadAuditMode.synchronous());
        storage.failure = new StorageException("audit table unavailable", null);
        ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();

        inParallel(t -> {
            thrown.add(catchThrowable(() -> KitContext.of(kit).recordRead(opened(kit, t))));
            return null;
        });

        assertThat(thrown).hasSize(THREADS).allSatisfy(e -> assertThat(e).isInstanceOf(StorageException.class)
                .hasMessageContaining("nothing was returned"));
        storage.failure = null;
        assertThat(AuditTrail.of(kit).records(1, 100)).isEmpty();
    }

    private void inParallel(ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    return work.run(thread);
                }));
            }
            for (Future<Void> f : done) {
                f.get(2, TimeUnit.MINUTES); // a guard against a hang, not a timing assertion
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one thread does. */
    @FunctionalInterface
    interface ThreadWork {
        Void run(int thread) throws Exception;
    }
}
