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
 */
public final class Jdbc {
    private final Connection connection;
    private final Dialect dialect;
    private final String prefix;

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
    }

    Connection connection() {
        return connection;
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

    /** Runs one statement for each item as a JDBC batch; returns how many rows each changed. */
    <T> int[] batch(String sql, List<T> items, ItemBinder<T> binder, String what) {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e, what);
        }
    }

    /**
     * Runs an update; a duplicate-key failure (the loser of a first-insert race, on a database whose
     * upsert does not wait) is run once more, when the winner's row is there to update.
     */
    int updateAgainOnDuplicate(String sql, Binder binder, String what) {
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
