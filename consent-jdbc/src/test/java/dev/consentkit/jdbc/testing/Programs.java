package dev.consentkit.jdbc.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds installed programs: first where Debian's packages put them, then on {@code PATH}. */
final class Programs {
    private Programs() {}

    /**
     * @param name a program's file name, e.g. {@code mariadbd}
     * @param preferred directories to look in before {@code PATH}
     * @return the first executable file of that name, or empty
     */
    static Optional<Path> find(String name, List<Path> preferred) {
        return searchPath(preferred).stream()
                .map(dir -> dir.resolve(name))
                .filter(Programs::isExecutable)
                .findFirst();
    }

    /**
     * @param preferred directories to look in before {@code PATH}
     * @return those directories followed by {@code PATH}'s, for messages and lookups
     */
    static List<Path> searchPath(List<Path> preferred) {
        List<Path> dirs = new ArrayList<>(preferred);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs.stream().distinct().collect(Collectors.toList());
    }

    /**
     * @param file a path
     * @return whether it is a regular file this process may execute
     */
    static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
