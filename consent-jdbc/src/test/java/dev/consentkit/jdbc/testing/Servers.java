package dev.consentkit.jdbc.testing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JVM's one PostgreSQL and one MariaDB: each started on first use, stopped by a shutdown hook
 * when the JVM exits. A JVM-wide holder rather than JUnit's root store, so tests of any engine
 * (jqwik's too) share the same servers. Thread-safe.
 *
 * <p>A server that failed to start is not retried: every later use fails at once, its cause the
 * first failure. A server whose programs are missing skips each test that asks for it, or fails
 * it when the environment variable {@code CI} is {@code true}.
 */
final class Servers {
    private static final Map<Engine, ThrowawayServer> STARTED = new EnumMap<>(Engine.class);
    private static final Map<Engine, RuntimeException> FAILED = new EnumMap<>(Engine.class);
    private static final Set<Engine> ANNOUNCED_MISSING = EnumSet.noneOf(Engine.class);
    private static final List<ThrowawayServer> TO_STOP = new CopyOnWriteArrayList<>();
    private static boolean hookInstalled;
    private static boolean reaped;

    private Servers() {}

    /**
     * @param engine the server wanted
     * @return it, running
     * @throws org.opentest4j.TestAbortedException if its programs are missing and not on CI
     * @throws IllegalStateException if its programs are missing on CI, or it cannot start
     */
    static synchronized ThrowawayServer get(Engine engine) {
        ThrowawayServer running = STARTED.get(engine);
        if (running != null) {
            return running;
        }
        RuntimeException failed = FAILED.get(engine);
        if (failed instanceof MissingProgramException missing) {
            throw missing.outcome(onCi());
        }
        if (failed != null) {
            throw new IllegalStateException(engine.displayName()
                    + " failed to start earlier in this JVM; see the cause", failed);
        }
        if (!reaped) {
            AbandonedServers.reap(ServerDirectory.base());
            reaped = true;
        }
        ThrowawayServer server;
        try {
            server = switch (engine) {
                case POSTGRESQL -> PostgresServer.create();
                case MARIADB -> MariaDbServer.create();
            };
        } catch (MissingProgramException e) {
            FAILED.put(engine, e);
            if (ANNOUNCED_MISSING.add(engine)) {
                System.err.println("[consentkit-test-db] " + e.getMessage()
                        + (onCi() ? "" : "; its tests are SKIPPED"));
            }
            throw e.outcome(onCi());
        }
        installShutdownHook();
        TO_STOP.add(server);
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            FAILED.put(engine, e);
            throw e;
        }
        STARTED.put(engine, server);
        return server;
    }

    /**
     * System property: {@code true} keeps the servers' default durability (PostgreSQL's {@code
     * fsync}, synchronous commit and full-page writes on; MariaDB's redo log flushed at every
     * commit, its default log sizes) instead of the tests' speed settings. The benchmarks set it;
     * tests do not.
     */
    static final String DURABLE_PROPERTY = "consentkit.test.databases.durable";

    /** @return whether servers this JVM starts keep their default durability */
    static boolean durable() {
        return Boolean.getBoolean(DURABLE_PROPERTY);
    }

    /** @return whether this is a CI run, where every database test must really run */
    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(Servers::stopAll, "consentkit-test-db-stop"));
            hookInstalled = true;
        }
    }

    /** Not synchronized: a start still waiting for its server must not hold up the JVM's exit. */
    private static void stopAll() {
        TO_STOP.forEach(ThrowawayServer::close);
    }
}
