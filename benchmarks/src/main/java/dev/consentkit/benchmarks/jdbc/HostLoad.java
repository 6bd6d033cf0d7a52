package dev.consentkit.benchmarks.jdbc;

import dev.consentkit.core.audit.ReadAuditMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one command of issue 13's measurements ({@code benchmarks/host-load.md}): starts a throwaway
 * PostgreSQL and MariaDB with their default durability, runs {@link HostTransactionLoad} for every
 * (database, threads, W) and {@link FieldOpenLoad}, each cell on a fresh database in
 * {@link LoadRounds} (ConsentKit and the baseline alternating), and prints a Markdown table of the
 * median throughputs and ratios.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.consentkit.benchmarks.jdbc.HostLoad
 * </pre>
 *
 * <p>Options, each {@code --name=value}: {@code databases} ({@code postgresql,mariadb}),
 * {@code threads} ({@code 1,4,16}), {@code work} (host work W in ms, {@code 0,20}), {@code open-threads}
 * ({@code 16}), {@code parts} ({@code transactions,opens}), {@code warmup} (seconds, {@code 5}),
 * {@code round} (seconds, {@code 5}), {@code rounds} (per side, {@code 7}), {@code read-audits} (how
 * the kit of the field opens writes its read audits: {@code write-behind}, the kit's default, or
 * {@code synchronous}). With the defaults a run
 * takes about 21 minutes. Prints progress and the tables; exits with 1 if a cell failed.
 */
public final class HostLoad {
    private static final Map<String, String> DEFAULTS = defaults();

    private HostLoad() {
    }

    /**
     * @param args options, see the class description
     * @throws InterruptedException if interrupted while a round runs
     * @throws IllegalArgumentException if an option is unknown or malformed
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        List<LoadServer> servers = Arrays.stream(options.get("databases").split(",")).map(LoadServer::of).toList();
        int[] threads = ints(options.get("threads"));
        int[] work = ints(options.get("work"));
        int openThreads = Integer.parseInt(options.get("open-threads"));
        List<String> parts = List.of(options.get("parts").split(","));
        long warmup = seconds(options.get("warmup"));
        long round = seconds(options.get("round"));
        int rounds = Integer.parseInt(options.get("rounds"));
        ReadAuditMode readAudits = switch (options.get("read-audits")) {
            case "write-behind" -> ReadAuditMode.writeBehind();
            case "synchronous" -> ReadAuditMode.synchronous();
            default -> throw new IllegalArgumentException("read-audits is write-behind or synchronous, not "
                    + options.get("read-audits"));
        };
        for (String part : parts) {
            if (!part.equals("transactions") && !part.equals("opens")) {
                throw new IllegalArgumentException("parts are transactions and opens, not " + part);
            }
        }
        quietLogs();
        String properties = LoadServer.prepare();
        header(options, properties);

        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        for (LoadServer server : servers) {
            boolean described = false;
            List<Cell> cells = new ArrayList<>();
            if (parts.contains("transactions")) {
                for (int t : threads) {
                    for (int w : work) {
                        cells.add(new Cell(server, "transactions", t, w));
                    }
                }
            }
            if (parts.contains("opens")) {
                cells.add(new Cell(server, "opens", openThreads, -1));
            }
            for (Cell cell : cells) {
                System.out.printf(Locale.ROOT, "# %s, load average %.2f, %s%n", cell.label(), loadAverage(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS));
                LoadRounds runner = new LoadRounds(cell.threads, warmup, round, rounds);
                try {
                    if (cell.part.equals("transactions")) {
                        try (HostTransactionLoad load = HostTransactionLoad.open(server, cell.work)) {
                            if (!described) {
                                System.out.println("# server: " + server.durability(load.pool()));
                                described = true;
                            }
                            LoadRounds.Result result = runner.run(cell.label(), load::kitTransaction,
                                    load::rawTransaction);
                            load.checkAtomicity();
                            rows.add(new Row(cell, result, ""));
                        }
                    } else {
                        try (FieldOpenLoad load = FieldOpenLoad.open(server, readAudits)) {
                            if (!described) {
                                System.out.println("# server: " + server.durability(load.pool()));
                                described = true;
                            }
                            rows.add(new Row(cell, runner.run(cell.label(), load::kitOpen, load::rawOpen), ""));
                        }
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception | AssertionError e) {
                    failed = true;
                    System.err.println("# " + cell.label() + " FAILED: " + describe(e));
                    rows.add(new Row(cell, null, describe(e)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "# done %s, load average %.2f%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                loadAverage());
        table(rows, round, rounds);
        if (failed) {
            System.exit(1);
        }
    }

    /** One measurement: a part on a server with a number of threads and, for transactions, W. */
    private record Cell(LoadServer server, String part, int threads, int work) {
        String label() {
            return part.equals("transactions")
                    ? String.format(Locale.ROOT, "%s transactions, %d threads, W=%d ms", server.displayName(), threads,
                            work)
                    : String.format(Locale.ROOT, "%s field opens, %d threads", server.displayName(), threads);
        }
    }

    /** A cell and what it measured, or why it failed. */
    private record Row(Cell cell, LoadRounds.Result result, String failure) {
    }

    private static void table(List<Row> rows, long round, int rounds) {
        System.out.printf(Locale.ROOT, "%n## Results: medians of %d rounds of %.1f s per side; ratio = median of the"
                + " per-round ratios kit/raw [lowest-highest]%n%n", rounds, round / 1000.0);
        System.out.println("| database | workload | threads | W (ms) | kit /s | raw /s | kit/raw | failed kit/raw |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            Cell c = row.cell;
            String what = c.part.equals("transactions") ? "host transaction" : "field open";
            String w = c.work < 0 ? "–" : Integer.toString(c.work);
            if (row.result == null) {
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | FAILED: %s | | | |%n", c.server.displayName(), what,
                        c.threads, w, row.failure.replace('|', '/'));
                continue;
            }
            LoadRounds.Result r = row.result;
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | **%.2f×** [%.2f–%.2f] | %d / %d |%n",
                    c.server.displayName(), what, c.threads, w, r.kitMedian(), r.rawMedian(), r.ratioMedian(),
                    r.ratioMin(), r.ratioMax(), r.kitFailures(), r.rawFailures());
        }
        for (Row row : rows) {
            if (row.result != null && !row.result.firstFailure().isEmpty()) {
                System.out.println("# first failure in " + row.cell.label() + ": " + row.result.firstFailure());
            }
        }
    }

    private static void header(Map<String, String> options, String properties) {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        System.out.printf(Locale.ROOT, "# HostLoad %s, %s%n", options, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.printf(Locale.ROOT, "# machine: %s, %d cores, %.1f GiB; Java %s (%s), heap max %d MiB; %s %s%n",
                cpuModel(), runtime.availableProcessors(), memory / (1024.0 * 1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.version"));
        System.out.println("# launcher properties: " + properties);
    }

    /** @return the first {@code model name} of {@code /proc/cpuinfo}, or "CPU model unknown" */
    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("CPU model unknown");
        } catch (IOException | UncheckedIOException e) {
            return "CPU model unknown";
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Routine INFO lines of the pool and the schema installer, and the MariaDB driver's WARN about the
     * table the storage's schema check looks for before it is installed, would bury the rounds.
     */
    private static void quietLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
        }
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            out.append("; caused by ").append(cause);
        }
        return out.toString();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
            if (!DEFAULTS.containsKey(name) || eq == arg.length() - 1) {
                throw new IllegalArgumentException("unknown or empty option " + arg + "; options (with defaults): "
                        + DEFAULTS);
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("databases", "postgresql,mariadb");
        d.put("threads", "1,4,16");
        d.put("work", "0,20");
        d.put("open-threads", "16");
        d.put("parts", "transactions,opens");
        d.put("warmup", "5");
        d.put("round", "5");
        d.put("rounds", "7");
        d.put("read-audits", "write-behind");
        return d;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** @return milliseconds, from seconds that may have a fraction ({@code 0.5}) */
    private static long seconds(String value) {
        return Math.round(Double.parseDouble(value) * 1000);
    }
}
