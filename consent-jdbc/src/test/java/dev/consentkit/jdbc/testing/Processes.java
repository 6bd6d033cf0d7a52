package dev.consentkit.jdbc.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the servers' programs, with their output in log files and every wait bounded. */
final class Processes {
    private static final List<Path> RUNUSER_DIRS =
            List.of(Path.of("/usr/sbin"), Path.of("/sbin"), Path.of("/usr/bin"), Path.of("/bin"));

    private Processes() {}

    /**
     * @return whether this JVM runs as root, where PostgreSQL refuses to run and MariaDB must be
     *     told which user to become
     */
    static boolean runningAsRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param osUser the user to run as, or empty for this process's own user
     * @param command the program and its arguments
     * @return the command, prefixed with {@code runuser -u USER --} when a user is given
     * @throws IllegalStateException if a user is given and {@code runuser} is not installed
     */
    static List<String> as(Optional<String> osUser, List<String> command) {
        if (osUser.isEmpty()) {
            return command;
        }
        Path runuser = Programs.find("runuser", RUNUSER_DIRS).orElseThrow(() ->
                new IllegalStateException("running as root, so the servers must run as another"
                        + " user, but 'runuser' (Debian package util-linux) is not installed"));
        List<String> wrapped =
                new ArrayList<>(List.of(runuser.toString(), "-u", osUser.get(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Starts a program, its output (both streams) appended to a log file, its input empty.
     *
     * @param command the program and its arguments
     * @param workDir the working directory, one the program's user may enter
     * @param log the log file
     * @return the running process
     * @throws UncheckedIOException if it cannot be started
     */
    static Process start(List<String> command, Path workDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // A developer's PGPORT, PGDATA, MYSQL_UNIX_PORT... must not steer the throwaway servers.
        builder.environment().keySet().removeIf(name ->
                name.startsWith("PG") || name.startsWith("MYSQL") || name.startsWith("MARIADB"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Runs a program to its end.
     *
     * @param what what it does, for messages
     * @param command the program and its arguments
     * @param workDir the working directory
     * @param log the log file its output goes to
     * @param limit how long it may take
     * @throws IllegalStateException if it fails or overruns; the message carries the log's tail
     */
    static void run(String what, List<String> command, Path workDir, Path log, Duration limit) {
        Process process = start(command, workDir, log);
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process, Duration.ofSeconds(5));
                throw new IllegalStateException(what + " did not finish within " + limit.toSeconds()
                        + " s: " + command + ServerDirectory.tail(log));
            }
        } catch (InterruptedException e) {
            kill(process, Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue()
                    + ": " + command + ServerDirectory.tail(log));
        }
    }

    /**
     * Waits for a process to end by itself, then ends it and its children forcibly.
     *
     * @param process a process this JVM started
     * @param grace how long to wait before forcing it
     * @return whether it ended by itself
     */
    static boolean awaitOrKill(Process process, Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(process, Duration.ofSeconds(5));
        return false;
    }

    private static void kill(Process process, Duration limit) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
