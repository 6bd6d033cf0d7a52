package dev.consentkit.jdbc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL: {@code initdb} into a fresh directory, {@code postgres} on 127.0.0.1 with
 * durability off (fsync, synchronous commit, full-page writes) unless
 * {@link Servers#DURABLE_PROPERTY} is set, stopped with {@code pg_ctl stop -m fast}. As root it
 * runs as the OS user {@code postgres}, since PostgreSQL refuses to run as root. Authentication
 * is {@code trust}: the test user's password is sent but not checked.
 */
final class PostgresServer implements ThrowawayServer {
    private static final String ADMIN = "consentkit_admin";
    private static final String USER = "consentkit";
    private static final String PASSWORD = "test-password-1";
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Optional<String> osUser;
    private final ServerDirectory dir;
    private final AtomicInteger databases = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Process process;
    private volatile int port;

    private PostgresServer(Path bin, Optional<String> osUser, ServerDirectory dir) {
        this.bin = bin;
        this.osUser = osUser;
        this.dir = dir;
    }

    /**
     * @return a server ready to {@link #start()}, its directory made
     * @throws MissingProgramException if PostgreSQL's server programs are not installed
     */
    static PostgresServer create() {
        Path bin = locate();
        Optional<String> osUser =
                Processes.runningAsRoot() ? Optional.of("postgres") : Optional.empty();
        return new PostgresServer(bin, osUser, ServerDirectory.create(Engine.POSTGRESQL, osUser));
    }

    /** Debian keeps them off PATH, in /usr/lib/postgresql/MAJOR/bin: the newest major wins. */
    private static Path locate() {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble(PostgresServer::major).reversed())
                        .map(v -> v.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                // unreadable: fall back to PATH
            }
        }
        Programs.find("initdb", List.of()).ifPresent(initdb -> {
            try {
                candidates.add(initdb.toRealPath().getParent());
            } catch (IOException e) {
                candidates.add(initdb.getParent());
            }
        });
        for (Path dir : candidates) {
            if (PROGRAMS.stream().allMatch(p -> Programs.isExecutable(dir.resolve(p)))) {
                return dir;
            }
        }
        String missing = candidates.isEmpty() ? "initdb" : PROGRAMS.stream()
                .filter(p -> !Programs.isExecutable(candidates.get(0).resolve(p)))
                .findFirst().orElse("initdb");
        throw new MissingProgramException(Engine.POSTGRESQL, missing, DEBIAN_VERSIONS
                + "/*/bin or on PATH (" + String.join(", ", PROGRAMS)
                + " are needed side by side)");
    }

    private static double major(Path versionDir) {
        return Double.parseDouble(versionDir.getFileName().toString());
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        Path data = dir.resolve("data");
        Processes.run("initdb", Processes.as(osUser, List.of(program("initdb"),
                        "-D", data.toString(), "-A", "trust", "-U", ADMIN,
                        "--no-sync", "-E", "UTF8", "--locale=C")),
                dir.root(), dir.resolve("initdb.log"), Duration.ofMinutes(2));
        long initialized = System.nanoTime();
        Path log = dir.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            port = FreePorts.onLoopback();
            List<String> command = new ArrayList<>(List.of(program("postgres"),
                    "-D", data.toString(),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "port=" + port,
                    "-c", "unix_socket_directories=" + dir.root()));
            if (!Servers.durable()) {
                command.addAll(List.of(
                        "-c", "fsync=off",
                        "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off"));
            }
            process = Processes.start(Processes.as(osUser, command), dir.root(), log);
            Readiness.Outcome outcome = Readiness.await(Engine.POSTGRESQL, process, admin(), log);
            if (outcome == Readiness.Outcome.READY) {
                break;
            }
            if (attempt == 3 || !Readiness.portWasTaken(log)) {
                throw new IllegalStateException("PostgreSQL exited while starting, exit code "
                        + process.exitValue() + ServerDirectory.tail(log));
            }
        }
        String version;
        try (Connection connection = admin().getConnection();
                Statement statement = connection.createStatement()) {
            version = connection.getMetaData().getDatabaseProductVersion();
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL started but the test role cannot be made"
                    + ServerDirectory.tail(log), e);
        }
        System.out.printf("[consentkit-test-db] PostgreSQL %s on 127.0.0.1:%d, started in %d ms"
                        + " (initdb %d ms), in %s%n",
                version, port, millisSince(started), (initialized - started) / 1_000_000, dir);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    @Override
    public TestDatabase freshDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL cannot create database " + name, e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return new TestDatabase(name, url, USER, PASSWORD, dataSource);
    }

    private PGSimpleDataSource admin() {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        admin.setUser(ADMIN);
        admin.setConnectTimeout(2);
        admin.setLoginTimeout(5);
        return admin;
    }

    private String program(String name) {
        return bin.resolve(name).toString();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Process running = process;
        if (running != null && running.isAlive()) {
            try {
                Processes.run("pg_ctl stop", Processes.as(osUser, List.of(program("pg_ctl"),
                                "stop", "-D", dir.resolve("data").toString(),
                                "-m", "fast", "-w", "-t", "30")),
                        dir.root(), dir.resolve("stop.log"), Duration.ofSeconds(40));
            } catch (RuntimeException e) {
                System.err.println("[consentkit-test-db] " + e.getMessage());
            }
            Processes.awaitOrKill(running, Duration.ofSeconds(10));
        }
        dir.delete();
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port + " (" + dir + ")";
    }
}
