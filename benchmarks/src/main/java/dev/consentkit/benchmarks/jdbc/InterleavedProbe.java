package dev.consentkit.benchmarks.jdbc;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A complement to the JMH runs for a shared, loaded machine: runs a ConsentKit benchmark method and
 * its baseline in alternating rounds of equal length in one JVM (the order flipping every round),
 * and reports the median and quartiles of the per-round ratio kit / baseline, and the time the
 * garbage collectors reported per call on each side. Load that comes and goes
 * slower than a round hits both sides alike, which JMH's one-benchmark-after-the-other runs cannot
 * offer. It reuses the benchmark classes' own state and methods, so it measures the same code.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.consentkit.benchmarks.jdbc.InterleavedProbe check h2 40 1000
 * java -cp benchmarks/target/benchmarks.jar dev.consentkit.benchmarks.jdbc.InterleavedProbe audience postgresql 30 0
 * </pre>
 *
 * <p>Arguments: {@code check} or {@code audience}; {@code h2} or {@code postgresql}; rounds (after as
 * many warm-up rounds as a fifth of them, at least 3); milliseconds per side and round for
 * {@code check} (the audience filter is one call per side and round). Prints one line per round and
 * a summary; nothing else reads its output.
 */
public final class InterleavedProbe {
    private static volatile long sink;

    private InterleavedProbe() {
    }

    /**
     * @param args what, database, rounds, milliseconds per side
     * @throws Exception if a benchmark's setup or call fails
     */
    public static void main(String[] args) throws Exception {
        String what = args[0];
        String database = args[1];
        int rounds = Integer.parseInt(args[2]);
        long millis = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        Callable<Object> kit;
        Callable<Object> raw;
        Runnable close;
        if (what.equals("check")) {
            JdbcCheckBenchmark b = new JdbcCheckBenchmark();
            b.database = database;
            b.setUp();
            JdbcCheckBenchmark.Cursor kitCursor = new JdbcCheckBenchmark.Cursor();
            JdbcCheckBenchmark.Cursor rawCursor = new JdbcCheckBenchmark.Cursor();
            kit = () -> b.consentKitCheck(kitCursor);
            raw = () -> b.rawSelect(rawCursor);
            close = b::tearDown;
        } else if (what.equals("audience")) {
            JdbcAudienceBenchmark b = new JdbcAudienceBenchmark();
            b.database = database;
            b.setUp();
            kit = b::consentKitCheckAll;
            raw = b::rawChunked;
            millis = 0;
            close = b::tearDown;
        } else {
            throw new IllegalArgumentException("check or audience");
        }
        try {
            int warmup = Math.max(3, rounds / 5);
            double[] ratios = new double[rounds];
            double[] kitTimes = new double[rounds];
            double[] rawTimes = new double[rounds];
            double[] kitGc = new double[rounds];
            double[] rawGc = new double[rounds];
            for (int r = -warmup; r < rounds; r++) {
                double[] k;
                double[] b;
                if ((r & 1) == 0) {
                    k = perCall(kit, millis);
                    b = perCall(raw, millis);
                } else {
                    b = perCall(raw, millis);
                    k = perCall(kit, millis);
                }
                if (r >= 0) {
                    kitTimes[r] = k[0];
                    rawTimes[r] = b[0];
                    kitGc[r] = k[1];
                    rawGc[r] = b[1];
                    ratios[r] = k[0] / b[0];
                    System.out.printf(Locale.ROOT, "round %3d  kit %12.3f us (gc %10.3f)  raw %12.3f us (gc %10.3f)"
                            + "  ratio %.3f%n", r, k[0], k[1], b[0], b[1], ratios[r]);
                }
            }
            System.out.printf(Locale.ROOT, "%s %s: %d rounds; ratio median %.3f, quartiles %.3f..%.3f, min %.3f, max %.3f;"
                    + " kit median %.3f us (of which GC pauses %.3f), raw median %.3f us (GC %.3f)%n", what, database,
                    rounds, quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), quantile(ratios, 0),
                    quantile(ratios, 1), quantile(kitTimes, 0.5), quantile(kitGc, 0.5), quantile(rawTimes, 0.5),
                    quantile(rawGc, 0.5));
        } finally {
            close.run();
        }
    }

    /**
     * @return microseconds per call, over at least {@code millis} (at least one call), and the
     *         microseconds per call the garbage collectors reported as collection time meanwhile
     */
    private static double[] perCall(Callable<Object> call, long millis) throws Exception {
        long gcBefore = gcMillis();
        long deadline = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        int calls = 0;
        long now;
        do {
            sink += System.identityHashCode(call.call());
            calls++;
            now = System.nanoTime();
        } while (now < deadline);
        return new double[] {(now - start) / 1_000.0 / calls, (gcMillis() - gcBefore) * 1_000.0 / calls};
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
