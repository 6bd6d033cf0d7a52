package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 2.x, the embedded default. H2 has no advisory locks; an embedded database lives in one JVM,
 * so schema installers are serialised by a JVM lock per lock name. Not API: use {@code Dialects.H2}.
 */
public final class H2Dialect implements Dialect {
    private static final ConcurrentHashMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "h2";
    }

    /** Array parameters ({@code UNNEST(?, ?)}) and row values; its array type names are the standard ones. */
    @Override
    public boolean supports(Capability capability) {
        return capability == Capability.ARRAY_PARAMETERS || capability == Capability.ROW_VALUES;
    }

    @Override
    public boolean isConflict(SQLException e) {
        // 23505 duplicate key, 40001 deadlock / serialization failure, HYT00 lock timeout
        return SqlStates.anyInChain(e, "23505", "40001", "HYT00");
    }

    @Override
    public String inSet(String column) {
        return column + " = ANY(?)";
    }

    /** H2 runs {@code purpose_id = ? AND subject_id = ANY(?)} as a scan of the purpose; a join looks each id up. */
    @Override
    public Optional<String> setTable(String alias) {
        return Optional.of("UNNEST(?) AS " + alias + "(v)");
    }

    @Override
    public void bindSet(Connection connection, PreparedStatement statement, int index, List<String> values)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("VARCHAR", values.toArray()));
    }

    @Override
    public void lockSchema(Connection connection, String lockName) throws SQLException {
        ReentrantLock lock = LOCKS.computeIfAbsent(connection.getMetaData().getURL() + "#" + lockName,
                k -> new ReentrantLock());
        try {
            if (!lock.tryLock(60, TimeUnit.SECONDS)) {
                throw new SQLException("schema lock " + lockName + " not acquired within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for schema lock " + lockName, e);
        }
    }

    @Override
    public void unlockSchema(Connection connection, String lockName) throws SQLException {
        ReentrantLock lock = LOCKS.get(connection.getMetaData().getURL() + "#" + lockName);
        if (lock != null && lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    @Override
    public Optional<String> insertReturning(String insert, String columns) {
        return Optional.of("SELECT " + columns + " FROM FINAL TABLE (" + insert + ")");
    }

    @Override
    public String toString() {
        return name();
    }
}
