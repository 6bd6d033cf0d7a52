package dev.consentkit.jdbc.spi;

import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the databases ConsentKit runs on; everything else is standard SQL.
 *
 * <p>The built-in dialects are in {@link dev.consentkit.jdbc.Dialects}. A host may implement its own for another
 * database, together with its schema scripts at
 * {@code dev/consentkit/jdbc/schema/v<N>/<name>.sql} (v1, v2, ...) on the class path. Implementations are
 * immutable and thread-safe.
 *
 * <p><b>Capabilities.</b> The stores never compare a dialect's name or class: where a database allows a
 * faster form of a statement (fewer statements, fewer round trips), they ask {@link #supports} for the
 * {@link Capability} that form needs, and {@link #arrayElementType} for the type names of array
 * parameters. The defaults are the conservative answers (nothing supported, standard type names), which
 * every database that runs the schema scripts can take: a host's own dialect works without declaring
 * anything, and gets exactly the fast paths it declares. The built-in dialects declare theirs: PostgreSQL
 * all of them, H2 {@link Capability#ARRAY_PARAMETERS} and {@link Capability#ROW_VALUES}, MariaDB none.
 * The other optional forms are methods with empty defaults: {@link #setTable}, {@link #insertReturning}.
 */
public interface Dialect {

    /**
     * A feature of the database that lets a store send a faster form of a statement. Declared by
     * {@link #supports}; a capability the database lacks makes the statements that use it fail (a
     * {@code StorageException}): declare only what the contract tests passed with on that database.
     */
    enum Capability {
        /**
         * Array parameters ({@link Connection#createArrayOf} with the names of {@link #arrayElementType})
         * read as a table of several columns by {@code UNNEST(?, ?) AS u(s, r)}, in {@code FROM}, in a
         * join and in {@code IN (SELECT ...)}: the retention store's disposal markers are then read,
         * deleted and inserted per batch in one statement each instead of one per row.
         */
        ARRAY_PARAMETERS,
        /**
         * Row-value comparisons such as {@code (a, b) > (?, ?)} and {@code (a, b) IN (...)} that the
         * database answers from an index on {@code (a, b)}: the keyset pages of the retention store use
         * them instead of the equivalent {@code a > ? OR (a = ? AND b > ?)}.
         */
        ROW_VALUES,
        /**
         * Several statements in one prepared statement text ({@code a; b; c}), sent in one round trip,
         * run in order, their parameters bound in order and their results read with
         * {@link java.sql.Statement#getMoreResults()}: a unit of work then defers the updates whose result
         * it does not need at once (a scope lock, a projection write) to travel with its next statement.
         */
        MULTI_STATEMENT_TEXT,
        /**
         * {@code SAVEPOINT}, {@code RELEASE SAVEPOINT} and {@code ROLLBACK TO SAVEPOINT} sent as SQL inside
         * a transaction the driver does not track: a unit joining a host's transaction sets its savepoint
         * by SQL, travelling with its first statement. Used together with {@link #MULTI_STATEMENT_TEXT}
         * only (without it the JDBC savepoint costs the same round trip).
         */
        SQL_SAVEPOINTS,
        /**
         * PostgreSQL's forms of whole-batch writes, which compatible databases share: typed array casts
         * ({@code ?::bigint[]}), {@code INSERT ... SELECT * FROM unnest(?, ?, ...) RETURNING},
         * {@code = ANY(?::bigint[])}, and ids drawn ahead from a column's sequence with
         * {@code nextval(pg_get_serial_sequence(...)) FROM generate_series(1, ?)}: the audit store then
         * writes a batch of entries or linked records with one statement text whatever its size, and
         * reserves entry ids.
         */
        POSTGRESQL_ARRAY_BATCHES
    }

    /**
     * @return the dialect's name, also the schema script's file name, e.g. {@code postgresql}; the stores
     *         never choose a statement by it (see {@link #supports})
     */
    String name();

    /**
     * Whether the database has a feature that a faster form of a statement needs. The default declares
     * none, so that a host's dialect takes the standard forms until it declares what its database has.
     *
     * @param capability the feature, not null
     * @return whether the stores may use it
     */
    default boolean supports(Capability capability) {
        return false;
    }

    /**
     * The element type name passed to {@link Connection#createArrayOf} for an array parameter of values
     * of {@code type} (only asked when {@link Capability#ARRAY_PARAMETERS} or
     * {@link Capability#POSTGRESQL_ARRAY_BATCHES} is declared). The default is the standard SQL name,
     * {@link JDBCType#getName()} ({@code VARCHAR}, {@code BIGINT}, {@code INTEGER}).
     *
     * @param type the values' type: {@link JDBCType#VARCHAR}, {@link JDBCType#BIGINT} or {@link JDBCType#INTEGER}
     * @return the name the driver knows the type by
     */
    default String arrayElementType(JDBCType type) {
        return type.getName();
    }

    /**
     * @param e a failure of a statement or a commit
     * @return whether another transaction won a race (unique key taken, deadlock, serialization
     *         failure), so that the unit of work may be retried
     */
    boolean isConflict(SQLException e);

    /**
     * A condition with one {@code ?} that holds when {@code column} is one of a set of values bound
     * by {@link #bindSet}: how a bulk read sends 10 000 ids in one statement.
     *
     * @param column the qualified column
     * @return the SQL condition
     */
    String inSet(String column);

    /**
     * Binds the values of {@link #inSet}.
     *
     * @param connection the statement's connection
     * @param statement the statement
     * @param index the parameter index of the condition's {@code ?}
     * @param values the values, none {@code null}
     * @throws SQLException if the driver fails
     */
    void bindSet(Connection connection, PreparedStatement statement, int index, List<String> values)
            throws SQLException;

    /**
     * The set of values bound by {@link #bindSet} as a table of one column {@code v}, for the bulk
     * reads that join it to a table: some databases look every value up in an index for such a
     * join but test an {@link #inSet} condition row by row (H2 does, when the set is not on the
     * first column of the index it picks). Empty by default: those reads then use {@link #inSet}.
     *
     * @param alias the table's alias, a plain lower-case identifier; its column is {@code alias.v}
     * @return a table expression with one {@code ?} that ends with the alias, e.g.
     *         {@code UNNEST(?) AS u(v)}, or empty
     */
    default Optional<String> setTable(String alias) {
        return Optional.empty();
    }

    /**
     * Takes a lock that serialises schema installers across processes, held until
     * {@link #unlockSchema}. DDL may commit on some databases, so it must not be a row lock.
     *
     * @param connection the installer's connection
     * @param lockName a name derived from the table prefix
     * @throws SQLException if the driver fails or the lock cannot be had within a minute
     */
    void lockSchema(Connection connection, String lockName) throws SQLException;

    /**
     * Releases the lock of {@link #lockSchema}.
     *
     * @param connection the installer's connection
     * @param lockName the same name
     * @throws SQLException if the driver fails
     */
    void unlockSchema(Connection connection, String lockName) throws SQLException;

    /**
     * The statement that locks one row of a lock table (columns {@code subject_id}, {@code area},
     * {@code turns}) until the end of the transaction, creating the row if it is missing; parameters:
     * subject id, area. Two transactions creating the same new row must end with one row, locked by
     * each in turn. The default is a standard {@code MERGE}; where the loser of such a first-insert race
     * gets a duplicate-key error instead of waiting (H2), the caller runs the statement once more.
     *
     * @param table the lock table, prefix included
     * @return the SQL
     */
    default String lockRow(String table) {
        return "MERGE INTO " + table + " t USING (VALUES (?, ?)) v(s, a) ON t.subject_id = v.s AND t.area = v.a"
                + " WHEN MATCHED THEN UPDATE SET turns = t.turns + 1"
                + " WHEN NOT MATCHED THEN INSERT (subject_id, area, turns) VALUES (v.s, v.a, 1)";
    }

    /**
     * Whether a plain read made after a row lock was granted may still come from a snapshot taken
     * before the previous lock holder committed (MariaDB and MySQL under REPEATABLE READ, where a
     * transaction's read view is fixed by its first read, and where locking reads of a range would lock
     * the neighbouring subjects' rows too). Where it may, the JDBC store keeps the sequence of each
     * locked purpose's latest ledger event on its lock row and refuses a unit whose snapshot is older
     * ({@code ConcurrentUpdateException}: the host retries its transaction). Default false: PostgreSQL
     * and H2 read committed data per statement, and under a stricter isolation level they fail the lock
     * itself when its row changed after the snapshot.
     *
     * @return whether reads after a lock need the check
     */
    default boolean snapshotMayPredateLock() {
        return false;
    }

    /**
     * A statement that runs {@code insert} (one {@code INSERT ... VALUES} of one or more rows) and
     * returns {@code columns} of the rows it inserted as a result set, so that many rows and their
     * generated ids travel in one statement. Empty (the default) where the database cannot: the store
     * then inserts row by row in a JDBC batch and reads {@code getGeneratedKeys()}.
     *
     * @param insert the insert
     * @param columns the columns to return, comma-separated
     * @return the statement, if the database has one
     */
    default Optional<String> insertReturning(String insert, String columns) {
        return Optional.empty();
    }

    /**
     * Prepares an {@code INSERT} whose generated key column is read back with
     * {@code getGeneratedKeys()}.
     *
     * @param connection the connection
     * @param sql the insert
     * @param keyColumn the generated column, lower case
     * @return the statement
     * @throws SQLException if the driver fails
     */
    default PreparedStatement prepareInsertReturningKey(Connection connection, String sql, String keyColumn)
            throws SQLException {
        return connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
    }
}
