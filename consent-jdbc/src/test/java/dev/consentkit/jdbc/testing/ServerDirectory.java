package dev.consentkit.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The throwaway directory of one server: data directory, socket, pid file and the logs of every
 * program the harness ran for it. Not thread-safe.
 *
 * <p>It is made under {@code /dev/shm} when that is a writable memory file system with room to
 * spare, because the servers' start and DDL then skip the disk's flushes (MariaDB's first start
 * takes about 4 s on this machine's disk, under 1 s in memory); otherwise under {@code
 * java.io.tmpdir}. The system property {@value #BASE_PROPERTY} chooses another parent.
 */
final class ServerDirectory {
    /** System property naming the directory to make server directories in. */
    static final String BASE_PROPERTY = "consentkit.test.databases.dir";
    /** File-name prefix of every server directory, for people cleaning up by hand. */
    static final String PREFIX = "consentkit-test-";

    private static final Path SHM = Path.of("/dev/shm");
    private static final long SHM_MINIMUM_FREE = 2L * 1024 * 1024 * 1024;
    private static final int TAIL_LINES = 40;

    private final Path root;

    private ServerDirectory(Path root) {
        this.root = root;
    }

    /**
     * @param engine the server the directory is for, part of its name
     * @param owner the OS user the server runs as when that is not this process's user; the
     *     directory is handed to it
     * @return a new, empty directory
     * @throws UncheckedIOException if it cannot be made or handed over
     */
    static ServerDirectory create(Engine engine, Optional<String> owner) {
        Path base = base();
        Path root = null;
        try {
            Files.createDirectories(base);
            root = Files.createTempDirectory(
                    base, PREFIX + engine.name().toLowerCase(Locale.ROOT) + "-");
            AbandonedServers.claim(root);
            if (owner.isPresent()) {
                chown(root, owner.get());
            }
            return new ServerDirectory(root);
        } catch (IOException e) {
            if (root != null) {
                delete(root);
            }
            throw new UncheckedIOException("cannot make a directory for " + engine.displayName()
                    + " under " + base + (owner.isPresent() ? " owned by " + owner.get() : ""), e);
        }
    }

    /** @return where server directories are made */
    static Path base() {
        String configured = System.getProperty(BASE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            try {
                FileStore store = Files.getFileStore(SHM);
                if ("tmpfs".equals(store.type()) && store.getUsableSpace() >= SHM_MINIMUM_FREE) {
                    return SHM;
                }
            } catch (IOException e) {
                // not usable: fall through to the ordinary temporary directory
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void chown(Path path, String user) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(user));
        view.setGroup(users.lookupPrincipalByGroupName(user));
    }

    /**
     * @param name a file or directory name
     * @return that name inside this directory
     */
    Path resolve(String name) {
        return root.resolve(Objects.requireNonNull(name, "name"));
    }

    /** @return the directory itself */
    Path root() {
        return root;
    }

    /**
     * @param log a log file inside this directory
     * @return its last lines, indented, ready to append to an exception message
     */
    static String tail(Path log) {
        try {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return "\n--- last " + last.size() + " lines of " + log + " ---\n    "
                    + String.join("\n    ", last) + "\n--- end of " + log.getFileName() + " ---";
        } catch (IOException e) {
            return "\n(no log: " + e + ")";
        }
    }

    /**
     * Deletes the directory and everything in it. Failures are reported on {@code System.err},
     * not thrown: this runs while stopping.
     */
    void delete() {
        delete(root);
    }

    /**
     * @param root a server directory, deleted with everything in it; failures are reported on
     *     {@code System.err}
     */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[consentkit-test-db] could not delete " + root + ": " + e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
