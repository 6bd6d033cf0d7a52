package dev.consentkit.jdbc.testing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A throwaway MariaDB: {@code mariadb-install-db} into a fresh directory, {@code mariadbd} on
 * 127.0.0.1 with the binary log off and the redo log flushed about once a second (at every commit,
 * with the default log and buffer sizes, when {@link Servers#DURABLE_PROPERTY} is set), stopped
 * with SIGTERM. No option file is read ({@code --no-defaults}); the character set and collation are
 * those of Debian's stock server ({@code utf8mb4}, {@code utf8mb4_general_ci}, which compares text
 * case-insensitively). Grant tables are real: root has no password and is used only to create the
 * test user, which logs in with a password. As root the server runs as the OS user {@code mysql}.
 */
final class MariaDbServer implements ThrowawayServer {
    private static final String USER = "consentkit";
    private static final String PASSWORD = "test-password-1";
    private static final List<Path> DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"), Path.of("/usr/local/mysql/bin"));
    /** Passed to the bootstrap as well, so the first start does not resize the redo log. */
    private static final List<String> SPEED = List.of(
            "--skip-log-bin",
            "--innodb-flush-log-at-trx-commit=0",
            "--innodb-log-file-size=16M",
            "--innodb-buffer-pool-size=64M");
    /** The server's defaults but for the binary log, which is off by default anyway. */
    private static final List<String> DURABLE = List.of("--skip-log-bin");

    private final Path mariadbd;
    private final Path installDb;
    private final Optional<String> osUser;
    private final ServerDirectory dir;
    private final AtomicInteger databases = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Process process;
    private volatile int port;

    private MariaDbServer(
            Path mariadbd, Path installDb, Optional<String> osUser, ServerDirectory dir) {
        this.mariadbd = mariadbd;
        this.installDb = installDb;
        this.osUser = osUser;
        this.dir = dir;
    }

    /**
     * @return a server ready to {@link #start()}, its directory made
     * @throws MissingProgramException if MariaDB's server programs are not installed
     */
    static MariaDbServer create() {
        Path mariadbd = locate("mariadbd");
        Path installDb = locate("mariadb-install-db");
        Optional<String> osUser = Optional.empty();
        if (Processes.runningAsRoot()) {
            osUser = Optional.of(userExists("mysql") ? "mysql" : "root");
        }
        return new MariaDbServer(mariadbd, installDb, osUser,
                ServerDirectory.create(Engine.MARIADB, osUser.filter(u -> !u.equals("root"))));
    }

    private static Path locate(String program) {
        return Programs.find(program, DIRS).orElseThrow(() -> new MissingProgramException(
                Engine.MARIADB, program, Programs.searchPath(DIRS).toString()));
    }

    private static boolean userExists(String name) {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        String data = dir.resolve("data").toString();
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                "--datadir=" + data, "--auth-root-authentication-method=normal",
                "--skip-test-db", "--skip-name-resolve"));
        osUser.ifPresent(user -> install.add("--user=" + user));
        install.addAll(tuning());
        Processes.run("mariadb-install-db", install, dir.root(), dir.resolve("install-db.log"),
                Duration.ofMinutes(2));
        long initialized = System.nanoTime();
        Path log = dir.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            port = FreePorts.onLoopback();
            List<String> server = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults"));
            osUser.ifPresent(user -> server.add("--user=" + user));
            server.addAll(List.of(
                    "--datadir=" + data,
                    "--port=" + port,
                    "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("mysqld.sock"),
                    "--pid-file=" + dir.resolve("mysqld.pid"),
                    "--tmpdir=" + dir.root(),
                    "--skip-name-resolve",
                    "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_general_ci"));
            server.addAll(tuning());
            process = Processes.start(server, dir.root(), log);
            if (Readiness.await(Engine.MARIADB, process, admin(), log) == Readiness.Outcome.READY) {
                break;
            }
            if (attempt == 3 || !Readiness.portWasTaken(log)) {
                throw new IllegalStateException("MariaDB exited while starting, exit code "
                        + process.exitValue() + ServerDirectory.tail(log));
            }
        }
        String version;
        try (Connection connection = admin().getConnection();
                Statement statement = connection.createStatement()) {
            version = connection.getMetaData().getDatabaseProductVersion();
            statement.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB started but the test user cannot be made"
                    + ServerDirectory.tail(log), e);
        }
        System.out.printf("[consentkit-test-db] MariaDB %s on 127.0.0.1:%d, started in %d ms"
                        + " (install-db %d ms), in %s%n",
                version, port, millisSince(started), (initialized - started) / 1_000_000, dir);
    }

    private static List<String> tuning() {
        return Servers.durable() ? DURABLE : SPEED;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    @Override
    public TestDatabase freshDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            statement.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + USER + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB cannot create database " + name, e);
        }
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(url);
            dataSource.setUser(USER);
            dataSource.setPassword(PASSWORD);
            return new TestDatabase(name, url, USER, PASSWORD, dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("bad MariaDB URL " + url, e);
        }
    }

    private MariaDbDataSource admin() {
        try {
            MariaDbDataSource admin = new MariaDbDataSource(
                    "jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=2000");
            admin.setUser("root");
            admin.setPassword("");
            return admin;
        } catch (SQLException e) {
            throw new IllegalStateException("bad MariaDB admin URL", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy(); // SIGTERM: mariadbd shuts down cleanly
            if (!Processes.awaitOrKill(running, Duration.ofSeconds(30))) {
                System.err.println("[consentkit-test-db] MariaDB ignored SIGTERM for 30 s; killed");
            }
        }
        dir.delete();
    }

    @Override
    public String toString() {
        return "MariaDB on 127.0.0.1:" + port + " (" + dir + ")";
    }
}
