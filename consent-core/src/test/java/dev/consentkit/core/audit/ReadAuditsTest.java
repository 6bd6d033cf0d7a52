package dev.consentkit.core.audit;

import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Read audits (issue 13, "reads stay reads"): {@code recordRead} commits the entry in a transaction of
 * the kit's own before it returns, concurrent reads share commits, and no more than one such
 * transaction is open per kit at any time (the one extra pool connection an opener inside a host
 * transaction may need). A failed write reaches every caller whose entry it held.
 */
class ReadAuditsTest {
    private static final int THREADS = 16;
    private static final int READS = 40;
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    /** Counts the units of work of the kit's own that are open at once. */
    static final class CountingStorage implements ConsentStorage {
        final ConsentStorage delegate;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        final AtomicInteger units = new AtomicInteger();
        volatile RuntimeException failure;

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
                if (failure != null) {
                    throw failure;
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
    }

    private AuditEvent opened(ConsentKit kit, int subject) {
        return new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), Actor.operator("desk-" + subject % 3),
                new AuditAction("field.opened"), Optional.of(kit.subjectRef(SubjectId.of("client-" + subject))),
                Optional.of(Fixtures.ORDERS), AuditOutcome.SUCCESS, Optional.of("clients.email"));
    }

    @Test
    void concurrentReadsAreCommittedBeforeTheyReturnWithOneOwnTransactionAtATime() throws Exception {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = Fixtures.kit(storage, clock);
        ConcurrentLinkedQueue<AuditEntry> returned = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Boolean> committedOnReturn = new ConcurrentLinkedQueue<>();

        inParallel(t -> {
            for (int i = 0; i < READS; i++) {
                AuditEntry e = KitContext.of(kit).recordRead(opened(kit, t * READS + i));
                returned.add(e);
                // committed: visible to a read of the store's pending or linked entries
                committedOnReturn.add(storage.read(tx -> !tx.audit().entries(List.of(e.id())).isEmpty()
                        || tx.audit().pending(100_000).stream().anyMatch(p -> p.entryId() == e.id())));
            }
            return null;
        });

        assertThat(returned).hasSize(THREADS * READS);
        Set<Long> ids = new HashSet<>();
        returned.forEach(e -> ids.add(e.id()));
        assertThat(ids).as("one entry per read").hasSize(THREADS * READS);
        assertThat(committedOnReturn).as("each read's entry was committed when it returned").containsOnly(true);
        assertThat(storage.mostOpen.get()).as("read audits never hold more than one own transaction at a time")
                .isEqualTo(1);
        assertThat(AuditTrail.of(kit).recordsOf(ids)).hasSize(THREADS * READS);
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
    }

    @Test
    void aFailedWriteReachesEveryReadItHeldAndNothingIsReturned() throws Exception {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        ConsentKit kit = Fixtures.kit(storage, clock);
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
