package dev.consentkit.jdbc.internal;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.StorageException;
import dev.consentkit.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one place that runs statements and loops over result sets, and the one place that turns an
 * {@link SQLException} into a {@link StorageException} (SQLState kept in the cause). Not API. Not
 * thread-safe: one per unit of work.
 *
 * <p><b>Deferred statements.</b> Where the dialect declares
 * {@link Dialect.Capability#MULTI_STATEMENT_TEXT} (PostgreSQL, whose driver sends the statements of one prepared
 * statement text ({@code a; b; c}) in one round trip and the server runs them in order), an update
 * whose result the unit does not need at once (a savepoint, a scope lock, a projection write) is
 * {@linkplain #defer deferred}: it travels with the unit's next statement, in order, and its row count
 * is checked then. Before a statement the host runs on the unit's connection, and before the commit,
 * what is deferred is {@linkplain #flush sent}. Elsewhere {@code defer} runs the update at once.
 */
public final class Jdbc {
    private final Connection connection;
    private final Dialect dialect;
    private final String prefix;
    private final List<Deferred> deferred = new ArrayList<>(4);
    private boolean pipelines;
    private boolean sent;

    /** An update sent with the next statement; {@code expected} rows changed, or -1 for any. */
    private record Deferred(String sql, Binder binder, String what, int expected, int parameters) {
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        /**
         * @param ps the statement
         * @throws SQLException if the driver fails
         */
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * @param rs the result set, on a row
         * @return the value
         * @throws SQLException if the driver fails
         */
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * @param connection the unit of work's connection
     * @param dialect the dialect
     * @param prefix the table prefix, for messages
     */
    public Jdbc(Connection connection, Dialect dialect, String prefix) {
        this.connection = connection;
        this.dialect = dialect;
        this.prefix = prefix;
        this.pipelines = dialect.supports(Dialect.Capability.MULTI_STATEMENT_TEXT);
    }

    /** @return the connection, for driver objects (arrays); statements go through this class */
    Connection connection() {
        return connection;
    }

    /**
     * The connection for statements of the host's own: sends what is deferred and defers nothing from
     * now on, so the host's statements and the unit's run in the order they were made.
     *
     * @return the connection
     */
    Connection connectionForHost() {
        flush();
        pipelines = false;
        return connection;
    }

    /** @return whether updates are deferred to travel with the next statement ({@code MULTI_STATEMENT_TEXT}) */
    public boolean pipelines() {
        return pipelines;
    }

    /** @return whether a statement of this unit reached the database */
    public boolean sentAnything() {
        return sent;
    }

    /**
     * Runs an update with the unit's next statement (PostgreSQL), or at once elsewhere.
     *
     * @param expected the rows it must change, or -1; a different count is a concurrent change
     * @throws ConcurrentUpdateException (at once, or with the statement it travels with) if the count differs
     */
    public void defer(String sql, Binder binder, String what, int expected) {
        if (!pipelines) {
            checkCount(update(sql, binder, what), expected, what);
            return;
        }
        int parameters = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '?') {
                parameters++;
            }
        }
        deferred.add(new Deferred(sql, binder, what, expected, parameters));
    }

    /** Sends what is deferred, if anything, in one round trip. */
    public void flush() {
        if (deferred.isEmpty()) {
            return;
        }
        Deferred last = deferred.remove(deferred.size() - 1);
        int n = combined(last.sql(), last.binder(), last.what(), (ps, resultSet) -> ps.getUpdateCount());
        checkCount(n, last.expected(), last.what());
    }

    /** @return how many statements wait to be sent */
    public int deferredCount() {
        return deferred.size();
    }

    /** Forgets what is deferred (the unit rolls back before it was sent). */
    public void discardDeferred() {
        deferred.clear();
    }

    private static void checkCount(int actual, int expected, String what) {
        if (expected >= 0 && actual != expected) {
            throw new ConcurrentUpdateException(what + ": " + actual + " rows changed where " + expected
                    + " were expected; another transaction changed them", null);
        }
    }

    /** Reads the main statement's result once the deferred ones ran. */
    @FunctionalInterface
    private interface CombinedReader<R> {
        R read(PreparedStatement ps, boolean resultSet) throws SQLException;
    }

    /**
     * Sends the deferred statements and then {@code mainSql} as one statement text, binds each part's
     * parameters at its offset, checks the deferred row counts and reads the main result.
     */
    private <R> R combined(String mainSql, Binder main, String what, CombinedReader<R> reader) {
        List<Deferred> sending = List.copyOf(deferred);
        deferred.clear();
        sent = true;
        StringBuilder text = new StringBuilder(256);
        StringBuilder whatAll = new StringBuilder();
        for (Deferred d : sending) {
            text.append(d.sql()).append("; ");
            if (whatAll.indexOf(d.what()) < 0) {
                whatAll.append(d.what()).append(", ");
            }
        }
        text.append(mainSql);
        whatAll.append(what);
        try (PreparedStatement ps = connection.prepareStatement(text.toString())) {
            int offset = 0;
            for (Deferred d : sending) {
                d.binder().bind(Shifted.of(ps, offset));
                offset += d.parameters();
            }
            main.bind(Shifted.of(ps, offset));
            boolean resultSet = ps.execute();
            int[] counts = new int[sending.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = resultSet ? -1 : ps.getUpdateCount();
                resultSet = ps.getMoreResults();
            }
            R result = reader.read(ps, resultSet);
            for (int i = 0; i < counts.length; i++) {
                checkCount(counts[i], sending.get(i).expected(), sending.get(i).what());
            }
            return result;
        } catch (SQLException e) {
            throw failure(e, whatAll.toString());
        }
    }

    /** A prepared statement whose parameter indexes start after {@code offset} others. */
    private static final class Shifted {
        private Shifted() {
        }

        static PreparedStatement of(PreparedStatement ps, int offset) {
            if (offset == 0) {
                return ps;
            }
            return (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(Jdbc.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (args != null && args.length >= 2 && method.getName().startsWith("set")
                                && args[0] instanceof Integer index) {
                            args[0] = index + offset;
                        }
                        try {
                            return method.invoke(ps, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    Dialect dialect() {
        return dialect;
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper, String what) {
        List<T> rows = new ArrayList<>();
        stream(sql, binder, mapper, rows::add, what);
        return rows;
    }

    <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper, String what) {
        List<T> rows = query(sql, binder, mapper, what);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T> void stream(String sql, Binder binder, RowMapper<T> mapper, Consumer<T> sink, String what) {
        if (!deferred.isEmpty()) {
            combined(sql, binder, what, (ps, resultSet) -> {
                if (!resultSet) {
                    throw new SQLException("the query returned no rows object");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        sink.accept(mapper.map(rs));
                    }
                }
                return null;
            });
            return;
        }
        sent = true;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(1_000);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(mapper.map(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    int update(String sql, Binder binder, String what) {
        if (!deferred.isEmpty()) {
            return combined(sql, binder, what, (ps, resultSet) -> ps.getUpdateCount());
        }
        sent = true;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    /** Sets a statement's parameters from one item of a batch. */
    @FunctionalInterface
    interface ItemBinder<T> {
        /**
         * @param ps the statement
         * @param item the item
         * @throws SQLException if the driver fails
         */
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /**
     * Runs an update; a duplicate-key failure (the loser of a first-insert race, on a database whose
     * upsert does not wait) is run once more, when the winner's row is there to update.
     */
    int updateAgainOnDuplicate(String sql, Binder binder, String what) {
        flush();
        sent = true;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try {
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    /**
     * @param e a driver failure
     * @return whether it says a unique key is taken
     */
    static boolean isDuplicateKey(SQLException e) {
        return SqlStates.anyInChain(e, "23505") || SqlStates.anyErrorCode(e, 1062);
    }

    long insertReturningKey(String sql, String keyColumn, Binder binder, String what) {
        if (!deferred.isEmpty()) { // PostgreSQL: the key comes back as the result of RETURNING
            return combined(sql + " RETURNING " + keyColumn, binder, what, (ps, resultSet) -> {
                if (!resultSet) {
                    throw new SQLException("the insert returned no key");
                }
                try (ResultSet keys = ps.getResultSet()) {
                    if (!keys.next()) {
                        throw new StorageException(what + ": the database returned no generated key", null);
                    }
                    return keys.getLong(1);
                }
            });
        }
        sent = true;
        try (PreparedStatement ps = dialect.prepareInsertReturningKey(connection, sql, keyColumn)) {
            binder.bind(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StorageException(what + ": the database returned no generated key", null);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    /**
     * Inserts one row per item as one JDBC batch (one round trip where the driver pipelines) and reads
     * the generated keys.
     *
     * @return the key of each item's row, in the order of the items
     */
    <T> long[] batchInsertReturningKeys(String sql, String keyColumn, List<T> items, ItemBinder<T> binder,
                                        String what) {
        if (items.isEmpty()) {
            return new long[0];
        }
        flush();
        sent = true;
        try (PreparedStatement ps = dialect.prepareInsertReturningKey(connection, sql, keyColumn)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
            long[] ids = new long[items.size()];
            int n = 0;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    if (n == ids.length) {
                        throw new StorageException(what + ": the database returned more generated keys than rows", null);
                    }
                    ids[n++] = keys.getLong(1);
                }
            }
            if (n != ids.length) {
                throw new StorageException(what + ": the database returned " + n + " generated keys for " + ids.length
                        + " rows", null);
            }
            return ids;
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    /**
     * @param e a driver failure
     * @param what the operation, naming tables only
     * @return the exception to throw: a conflict, a missing table, or a storage failure
     */
    public StorageException failure(SQLException e, String what) {
        return failure(dialect, prefix, e, what);
    }

    /**
     * @param e a driver failure
     * @return whether it says a table does not exist
     */
    public static boolean isMissingTable(SQLException e) {
        return SqlStates.anyInChain(e, "42S02", "42S04", "42P01") || SqlStates.anyErrorCode(e, 1146, 42102, 42104);
    }

    /**
     * @param dialect the dialect
     * @param prefix the table prefix
     * @param e a driver failure
     * @param what the operation
     * @return the exception to throw
     */
    public static StorageException failure(Dialect dialect, String prefix, SQLException e, String what) {
        if (dialect.isConflict(e)) {
            return new ConcurrentUpdateException(what + ": another transaction changed the same rows (SQLState "
                    + e.getSQLState() + ")", e);
        }
        if (isMissingTable(e)) {
            return new StorageException(what + ": a ConsentKit table with prefix '" + prefix + "' is missing; install"
                    + " the schema with SchemaInstaller or apply every dev/consentkit/jdbc/schema/v<N>/" + dialect.name()
                    + ".sql in order", e);
        }
        return new StorageException(what + " failed (SQLState " + e.getSQLState() + ")", e);
    }
}
