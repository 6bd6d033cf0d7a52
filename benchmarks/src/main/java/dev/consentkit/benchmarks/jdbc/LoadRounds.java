package dev.consentkit.benchmarks.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Timed rounds of many threads, ConsentKit's side and the baseline's alternating, as the module's
 * {@link InterleavedProbe} does for one thread: after one warm-up round per side, {@code rounds}
 * rounds per side, the order flipping every round (kit first in even rounds), so load from other
 * processes that changes slower than a round hits both sides alike.
 *
 * <p>In a round every one of {@code threads} workers runs the side's operation in a loop from a common
 * start until the round's time is up; an operation counts if it completed without exception before
 * the end. Operations in flight at the end finish before the next round starts and are not counted.
 * A failed operation is counted apart and never retried; the first failure's message is kept.
 * Not thread-safe: one {@link #run} at a time.
 */
final class LoadRounds {
    /** One operation (one host transaction, one field open) of a side. */
    @FunctionalInterface
    interface Op {
        /**
         * @param worker the worker running it, {@code 0 .. threads-1}
         * @throws Exception if it fails; counted as a failure
         */
        void run(int worker) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param label what was measured, for the report
     * @param kit operations per second of ConsentKit's side, per round
     * @param raw operations per second of the baseline, per round
     * @param kitFailures failed operations of ConsentKit's side, in all measured rounds
     * @param rawFailures failed operations of the baseline, in all measured rounds
     * @param firstFailure the first failure's class and message, or empty
     */
    record Result(String label, double[] kit, double[] raw, long kitFailures, long rawFailures, String firstFailure) {
        /** @return the median of the per-round ratios kit / raw */
        double ratioMedian() {
            return quantile(ratios(), 0.5);
        }

        /** @return the lowest per-round ratio */
        double ratioMin() {
            return quantile(ratios(), 0);
        }

        /** @return the highest per-round ratio */
        double ratioMax() {
            return quantile(ratios(), 1);
        }

        /** @return the median throughput of ConsentKit's side */
        double kitMedian() {
            return quantile(kit, 0.5);
        }

        /** @return the median throughput of the baseline */
        double rawMedian() {
            return quantile(raw, 0.5);
        }

        private double[] ratios() {
            double[] ratios = new double[kit.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = raw[i] == 0 ? Double.NaN : kit[i] / raw[i];
            }
            return ratios;
        }
    }

    private final int threads;
    private final long warmupMillis;
    private final long roundMillis;
    private final int rounds;

    /**
     * @param threads workers per side
     * @param warmupMillis length of the one warm-up round per side
     * @param roundMillis length of a measured round
     * @param rounds measured rounds per side
     */
    LoadRounds(int threads, long warmupMillis, long roundMillis, int rounds) {
        if (threads < 1 || warmupMillis < 0 || roundMillis < 1 || rounds < 1) {
            throw new IllegalArgumentException("threads, round length and rounds must be positive");
        }
        this.threads = threads;
        this.warmupMillis = warmupMillis;
        this.roundMillis = roundMillis;
        this.rounds = rounds;
    }

    /**
     * @param label what is measured, printed with every round
     * @param kit ConsentKit's side
     * @param raw the baseline
     * @return the throughput of each side per round
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    Result run(String label, Op kit, Op raw) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            if (warmupMillis > 0) {
                Tally k = round(workers, kit, warmupMillis);
                Tally r = round(workers, raw, warmupMillis);
                System.out.printf(Locale.ROOT, "%s warm-up: kit %.1f/s (%d failed), raw %.1f/s (%d failed)%n", label,
                        k.perSecond, k.failures, r.perSecond, r.failures);
            }
            double[] kitRates = new double[rounds];
            double[] rawRates = new double[rounds];
            long kitFailures = 0;
            long rawFailures = 0;
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Tally k;
                Tally r;
                if ((i & 1) == 0) {
                    k = round(workers, kit, roundMillis);
                    r = round(workers, raw, roundMillis);
                } else {
                    r = round(workers, raw, roundMillis);
                    k = round(workers, kit, roundMillis);
                }
                kitRates[i] = k.perSecond;
                rawRates[i] = r.perSecond;
                kitFailures += k.failures;
                rawFailures += r.failures;
                k.first.ifPresent(f -> failures.add("kit: " + f));
                r.first.ifPresent(f -> failures.add("raw: " + f));
                System.out.printf(Locale.ROOT, "%s round %d: kit %.1f/s, raw %.1f/s, ratio %.3f%s%n", label, i,
                        k.perSecond, r.perSecond, r.perSecond == 0 ? Double.NaN : k.perSecond / r.perSecond,
                        k.failures + r.failures == 0 ? "" : " (failed: kit " + k.failures + ", raw " + r.failures + ")");
            }
            return new Result(label, kitRates, rawRates, kitFailures, rawFailures,
                    failures.isEmpty() ? "" : failures.get(0));
        } finally {
            workers.shutdownNow();
        }
    }

    /** Completed operations per second of one side in one round, and its failures. */
    private record Tally(double perSecond, long failures, Optional<String> first) {
    }

    private Tally round(ExecutorService workers, Op op, long millis) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> first = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1]; // written before go.countDown(), read after go.await()
        List<Future<?>> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int worker = t;
            running.add(workers.submit(() -> {
                ready.countDown();
                go.await();
                long end = deadline[0];
                while (System.nanoTime() - end < 0) {
                    try {
                        op.run(worker);
                        if (System.nanoTime() - end <= 0) {
                            done.increment();
                        }
                    } catch (Exception e) {
                        failed.increment();
                        first.compareAndSet(null, e.getClass().getName() + ": " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        ready.await();
        deadline[0] = System.nanoTime() + millis * 1_000_000;
        go.countDown();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed outside its operation", e.getCause());
            }
        }
        return new Tally(done.sum() * 1000.0 / millis, failed.sum(), Optional.ofNullable(first.get()));
    }

    /**
     * @param values some values, not modified
     * @param q from 0 (the least) to 1 (the greatest)
     * @return the quantile, interpolated between neighbours
     */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
