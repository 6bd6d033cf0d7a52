package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.ConnectionSource;
import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.jdbc.internal.Jdbc;
import dev.consentkit.jdbc.internal.JdbcUnit;
import dev.consentkit.jdbc.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * ConsentKit's ledger, projection, suppression list, audit chain, wrapped data keys and blind indexes
 * in the host's own database.
 *
 * <pre>{@code
 * JdbcStorage storage = JdbcStorage.builder(dataSource).tablePrefix("ck_").build();
 * ConsentKit kit = ConsentKit.builder().catalog(catalog).storage(storage)...build();
 * }</pre>
 *
 * <p>The host gives a {@link DataSource} (its pool); ConsentKit never creates pools and never reads
 * URLs or credentials. Each unit of work runs on one connection in one transaction — its own, or the
 * host's: with the default connection source, a unit run while the host has bound its connection to
 * this storage ({@link #bind(Connection)}) joins that transaction, so the host's rows and the consent
 * commit or roll back together. Read audits and the audit sequencer always run in short transactions
 * of their own on a connection from the pool ({@link #inOwnTransaction}). See {@link ConnectionSource}
 * for the trap of a transaction-aware {@code DataSource}. Thread-safe.
 */
public final class JdbcStorage implements ConsentStorage {
    /** The schema version this library writes and reads; its scripts are applied from v1 up to it. */
    public static final int SCHEMA_VERSION = 4;
    private final ConnectionSource source;
    private final ConnectionSource own;
    private final boolean bindable;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final Dialect dialect;
    private final Tables sql;
    /** The name of the savepoint a joined writing unit sets by SQL on PostgreSQL (units nest: last in, first out). */
    private static final String SAVEPOINT = "SAVEPOINT consentkit_unit";
    private static final String RELEASE = "RELEASE SAVEPOINT consentkit_unit";
    private static final String ROLLBACK_TO = "ROLLBACK TO SAVEPOINT consentkit_unit";
    /**
     * Whether a joined writing unit sets its savepoint by SQL, deferred to travel with its first statement
     * (the dialect declares {@code SQL_SAVEPOINTS} and {@code MULTI_STATEMENT_TEXT}: PostgreSQL).
     */
    private final boolean sqlSavepoints;

    private JdbcStorage(ConnectionSource source, ConnectionSource own, boolean bindable, Dialect dialect, String prefix) {
        this.source = source;
        this.own = own;
        this.bindable = bindable;
        this.dialect = dialect;
        this.sql = new Tables(prefix, dialect);
        this.sqlSavepoints = dialect.supports(Dialect.Capability.SQL_SAVEPOINTS)
                && dialect.supports(Dialect.Capability.MULTI_STATEMENT_TEXT);
    }

    /**
     * Binds the host's connection, with its open transaction, to this storage on the current thread:
     * until the binding is closed, this storage's units of work on this thread join that transaction
     * (writes under a savepoint, so a failed unit leaves the host's work intact), and the host's commit
     * or rollback decides for both. Another storage — on another {@code DataSource}, or another
     * prefix — does not join. Read audits and the audit sequencer still use transactions of their own.
     *
     * <pre>{@code
     * try (Connection c = pool.getConnection()) {
     *     c.setAutoCommit(false);
     *     try (JdbcStorage.Binding b = storage.bind(c)) {
     *         insertClient(c, client);                            // the host's own SQL
     *         kit.consent(client, NEWSLETTER).evidence(e).give(); // same transaction
     *     }
     *     c.commit();                                             // both, or neither on rollback
     *     AuditTrail.of(kit).sequence();                                 // link the committed entries now
     * }
     * }</pre>
     *
     * @param connection the host's connection; it must be in a transaction (auto-commit off) when a
     *                   unit of work runs
     * @return the binding; closing it unbinds
     * @throws IllegalStateException if a connection is bound to this storage on this thread already, or
     *                               the storage was built with a connection source of its own (which
     *                               then decides whether units join)
     */
    public Binding bind(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        if (!bindable) {
            throw new IllegalStateException("this JdbcStorage was built with the connection source " + source
                    + ", which decides whether a unit of work joins a host transaction: bind is for the default source");
        }
        if (bound.get() != null) {
            throw new IllegalStateException("a host connection is bound to this storage on this thread already");
        }
        bound.set(connection);
        return new Binding() {
            private boolean open = true;

            @Override
            public void close() {
                if (open && bound.get() == connection) {
                    bound.remove();
                }
                open = false;
            }
        };
    }

    /**
     * An active binding of a host connection to one storage on one thread; {@link #close()} unbinds.
     * Not thread-safe: close it on the thread that bound it.
     */
    public interface Binding extends AutoCloseable {
        /** Unbinds the connection from the storage on the current thread; closing again does nothing. */
        @Override
        void close();
    }

    /**
     * @param dataSource the host's pool
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** @return the dialect in use */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the table prefix */
    public String tablePrefix() {
        return sql.prefix();
    }

    /**
     * The connection of a unit of work of a {@code JdbcStorage}, for host statements that must commit
     * or roll back with it (a retention target deleting the host's rows in the batch that records the
     * disposal). Do not commit, roll back or close it.
     *
     * @param tx a unit of work handed out by a {@code JdbcStorage}
     * @return its connection
     * @throws IllegalArgumentException if the unit of work is not a {@code JdbcStorage}'s
     */
    public static Connection connection(StorageTransaction tx) {
        Objects.requireNonNull(tx, "tx");
        if (!(tx instanceof JdbcUnit unit)) {
            throw new IllegalArgumentException("not a unit of work of a JdbcStorage: " + tx.getClass().getSimpleName());
        }
        return unit.connection();
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return run(work, false, false);
    }

    /**
     * Runs a writing unit of work in a transaction of the kit's own on a connection from the pool, even
     * while a host connection is bound: for records that must outlive the host's transaction (the audit
     * of a field that was opened) and for the audit sequencer. With a host connection held by the same
     * thread, that is a second pool connection: size the pool for it.
     */
    @Override
    public <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
        return run(work, false, true);
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return run(work, true, false);
    }

    private <T> T run(Function<StorageTransaction, T> work, boolean readOnly, boolean ownOnly) {
        Objects.requireNonNull(work, "work");
        ConnectionSource.Lease lease;
        // SQL_SAVEPOINTS (PostgreSQL): a joined writing unit's savepoint is set by SQL with its first statement, in the
        // same round trip, and released with the statements it deferred (see Jdbc)
        boolean sqlSavepoint = false;
        try {
            Connection host = ownOnly ? null : bound.get();
            sqlSavepoint = host != null && !readOnly && sqlSavepoints;
            lease = host != null ? ConnectionSource.join(host, readOnly, !sqlSavepoint) : (ownOnly ? own : source).acquire(readOnly);
        } catch (SQLException e) {
            throw Jdbc.failure(dialect, sql.prefix(), e, "get a connection");
        }
        try (ConnectionSource.Lease l = lease) {
            JdbcUnit unit = new JdbcUnit(new Jdbc(l.connection(), dialect, sql.prefix()), sql, !readOnly,
                    l.ownsTransaction());
            Jdbc jdbc = unit.jdbc();
            if (sqlSavepoint) {
                jdbc.defer(SAVEPOINT, ps -> { }, "set a savepoint", -1);
            }
            T result;
            try {
                result = work.apply(unit);
                if (sqlSavepoint) {
                    releaseSavepoint(jdbc);
                } else {
                    jdbc.flush();
                }
            } catch (RuntimeException | Error e) {
                if (sqlSavepoint) {
                    rollbackToSavepointQuietly(jdbc, e);
                } else {
                    jdbc.discardDeferred();
                    rollbackQuietly(l, e);
                }
                throw e;
            }
            try {
                l.commit();
            } catch (SQLException e) {
                StorageException failure = Jdbc.failure(dialect, sql.prefix(), e, "commit");
                rollbackQuietly(l, failure);
                throw failure;
            }
            return result;
        } catch (SQLException e) {
            throw Jdbc.failure(dialect, sql.prefix(), e, "release the connection");
        }
    }

    /** The unit's writes join the host's transaction: what it deferred and the release, in one round trip. */
    private static void releaseSavepoint(Jdbc jdbc) {
        if (!jdbc.sentAnything() && jdbc.deferredCount() == 1) {
            jdbc.discardDeferred(); // nothing but the savepoint itself: the unit wrote nothing
            return;
        }
        jdbc.defer(RELEASE, ps -> { }, "release the savepoint", -1);
        jdbc.flush();
    }

    /** Undoes the unit's writes and keeps the host's own (the savepoint exists once a statement was sent). */
    private static void rollbackToSavepointQuietly(Jdbc jdbc, Throwable cause) {
        boolean sent = jdbc.sentAnything();
        jdbc.discardDeferred();
        if (!sent) {
            return;
        }
        try {
            jdbc.defer(ROLLBACK_TO, ps -> { }, "roll back to the savepoint", -1);
            jdbc.defer(RELEASE, ps -> { }, "release the savepoint", -1);
            jdbc.flush();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(ConnectionSource.Lease lease, Throwable cause) {
        try {
            lease.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + dialect.name() + ", prefix " + sql.prefix() + ", " + source + "]";
    }

    /**
     * Configures a {@link JdbcStorage}. {@link #build()} detects the dialect and checks the schema
     * version once. Not thread-safe.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private String prefix = "ck_";
        private Dialect dialect;
        private ConnectionSource source;
        private ConnectionSource ownSource;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param prefix prepended to every table name: a lower-case letter, then up to 15 lower-case
         *               letters, digits or underscores; default {@code ck_}
         * @return this builder
         * @throws IllegalArgumentException if it is not of that form (quotes, spaces, SQL are refused)
         */
        public Builder tablePrefix(String prefix) {
            this.prefix = Tables.checkPrefix(prefix);
            return this;
        }

        /**
         * @param dialect the dialect; default detected from the database's metadata
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * @param source where units of work get connections; default: the data source, joining a host
         *               connection bound with {@link JdbcStorage#bind}. A storage with a source of its
         *               own cannot be bound. Read audits and the sequencer use the data source itself
         *               (or the source set with {@link #ownTransactions(ConnectionSource)}).
         * @return this builder
         */
        public Builder connectionSource(ConnectionSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Where the units that must own their transaction get connections: read audits, the audit
         * sequencer, checkpoints and the verified point ({@link JdbcStorage#inOwnTransaction}). Default
         * {@link ConnectionSource#ownTransactions(DataSource)} on the builder's data source. For a host
         * whose pool can hand out its current transactional connection (a transaction-aware proxy), a
         * source that recognises such a connection and joins it instead of committing it; its leases
         * should own their transactions for every other connection.
         *
         * @param source the source of the kit's own transactions
         * @return this builder
         */
        public Builder ownTransactions(ConnectionSource source) {
            this.ownSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Connects once to detect the dialect and check the installed schema version.
         *
         * @return the storage
         * @throws StorageException if the database is unreachable, unsupported, has no ConsentKit
         *                          tables (the message names the installer), or has a newer schema
         *                          than this library
         */
        public JdbcStorage build() {
            try (Connection c = dataSource.getConnection()) {
                Dialect d = dialect != null ? dialect : Dialects.detect(c.getMetaData());
                Tables sql = new Tables(prefix, d);
                int installed = installedVersion(c, d, sql);
                if (installed > SCHEMA_VERSION) {
                    throw new StorageException("the database has ConsentKit schema version " + installed
                            + " (prefix " + prefix + "), newer than this library's " + SCHEMA_VERSION
                            + ": upgrade ConsentKit", null);
                }
                if (installed < SCHEMA_VERSION) {
                    throw new StorageException("the database has ConsentKit schema version " + installed
                            + " (prefix " + prefix + "), this library needs " + SCHEMA_VERSION
                            + ": run SchemaInstaller or apply, in order, " + scripts(d, installed + 1), null);
                }
                ConnectionSource own = ownSource != null ? ownSource : ConnectionSource.ownTransactions(dataSource);
                return new JdbcStorage(source != null ? source : own, own, source == null, d, prefix);
            } catch (SQLException e) {
                throw new StorageException("could not connect to check the ConsentKit schema (SQLState "
                        + e.getSQLState() + ")", e);
            }
        }
    }

    /**
     * @param dialect a dialect
     * @param from the first version missing
     * @return the class-path locations of the scripts from {@code from} to {@link #SCHEMA_VERSION}
     */
    static String scripts(Dialect dialect, int from) {
        return IntStream.rangeClosed(from, SCHEMA_VERSION)
                .mapToObj(v -> SchemaInstaller.scriptPath(dialect, v)).collect(Collectors.joining(", "));
    }

    /** @return the installed schema version; 0 when ConsentKit's tables are absent */
    static int installedVersion(Connection c, Dialect d, Tables sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (PreparedStatement ps = c.prepareStatement(sql.schemaVersion()); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            if (Jdbc.isMissingTable(e)) {
                if (!autoCommit) {
                    c.rollback();
                }
                return 0;
            }
            throw e;
        }
    }
}
