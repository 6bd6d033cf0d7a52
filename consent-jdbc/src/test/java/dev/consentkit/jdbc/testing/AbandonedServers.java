package dev.consentkit.jdbc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Cleans up after test JVMs that were killed (SIGKILL, OOM killer) before their shutdown hook could
 * stop their servers: such servers would otherwise run on, and hold memory under {@code /dev/shm},
 * until the machine restarts.
 *
 * <p>Every server directory names its owner in {@value #OWNER_FILE}: the JVM's pid and start time
 * (pids are reused). A directory whose owner no longer runs is abandoned: the processes whose
 * command line names it are stopped, then it is deleted. A directory without the file is being
 * made right now, and is left alone.
 */
final class AbandonedServers {
    /** The file in a server directory that names the JVM owning it. */
    static final String OWNER_FILE = "owner";

    private static final Duration GRACE = Duration.ofSeconds(10);

    private AbandonedServers() {}

    /**
     * @param dir a new server directory of this JVM
     * @throws IOException if the owner file cannot be written
     */
    static void claim(Path dir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String owner = self.pid() + " " + startOf(self);
        Files.writeString(dir.resolve(OWNER_FILE), owner, StandardCharsets.UTF_8);
    }

    /**
     * Stops and deletes the abandoned server directories under a base directory. Problems are
     * reported on {@code System.err}, never thrown: cleaning up is a courtesy, not the test.
     *
     * @param base where server directories are made
     */
    static void reap(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (DirectoryStream<Path> dirs =
                Files.newDirectoryStream(base, ServerDirectory.PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isAbandoned(dir)) {
                    System.err.println("[consentkit-test-db] cleaning up " + dir
                            + ", left by a test JVM that was killed");
                    stopProcessesOf(dir);
                    ServerDirectory.delete(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[consentkit-test-db] could not clean up old servers in " + base
                    + ": " + e);
        }
    }

    private static boolean isAbandoned(Path dir) {
        String[] owner;
        try {
            owner = Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8).split(" ", 2);
        } catch (IOException e) {
            return false;
        }
        if (owner.length != 2 || !owner[0].matches("\\d+")) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner[0]));
        return process.isEmpty() || !startOf(process.get()).equals(owner[1]);
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static void stopProcessesOf(Path dir) {
        String inside = dir + "/"; // not a sibling whose name merely starts the same
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(inside)).orElse(false))
                .toList();
        servers.forEach(ProcessHandle::destroy); // SIGTERM: both servers shut down cleanly
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle server : servers) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                server.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                server.destroyForcibly();
            }
        }
    }
}
