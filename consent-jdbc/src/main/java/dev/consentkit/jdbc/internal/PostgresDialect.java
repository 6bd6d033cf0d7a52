package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.spi.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/** PostgreSQL 12 and later. Not API: use {@code Dialects.POSTGRESQL}. */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    private static final java.util.Set<Capability> CAPABILITIES = java.util.EnumSet.of(Capability.ARRAY_PARAMETERS,
            Capability.ROW_VALUES, Capability.MULTI_STATEMENT_TEXT, Capability.SQL_SAVEPOINTS,
            Capability.POSTGRESQL_ARRAY_BATCHES);

    /** Every capability: the fast paths were written for PostgreSQL. */
    @Override
    public boolean supports(Capability capability) {
        return CAPABILITIES.contains(capability);
    }

    /** The server's own type names: {@code varchar}, {@code bigint}, {@code int4}. */
    @Override
    public String arrayElementType(java.sql.JDBCType type) {
        return switch (type) {
            case BIGINT -> "bigint";
            case INTEGER -> "int4";
            default -> type.getName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public boolean isConflict(SQLException e) {
        return SqlStates.anyInChain(e, "23505", "40001", "40P01");
    }

    @Override
    public String inSet(String column) {
        return column + " = ANY(?)";
    }

    @Override
    public void bindSet(Connection connection, PreparedStatement statement, int index, List<String> values)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("varchar", values.toArray()));
    }

    @Override
    public void lockSchema(Connection connection, String lockName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, key(lockName));
            ps.execute();
        }
    }

    @Override
    public void unlockSchema(Connection connection, String lockName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key(lockName));
            ps.execute();
        }
    }

    /** The loser of a first-insert race waits for the winner's commit, then updates the row it made. */
    @Override
    public String lockRow(String table) {
        return "INSERT INTO " + table + " (subject_id, area, turns) VALUES (?, ?, 1)"
                + " ON CONFLICT (subject_id, area) DO UPDATE SET turns = " + table + ".turns + 1";
    }

    @Override
    public PreparedStatement prepareInsertReturningKey(Connection connection, String sql, String keyColumn)
            throws SQLException {
        return connection.prepareStatement(sql, new String[] {keyColumn});
    }

    private static long key(String lockName) {
        CRC32 crc = new CRC32();
        crc.update(lockName.getBytes(StandardCharsets.UTF_8));
        return 0x636b0000_00000000L | crc.getValue();
    }

    @Override
    public Optional<String> insertReturning(String insert, String columns) {
        return Optional.of(insert + " RETURNING " + columns);
    }

    @Override
    public String toString() {
        return name();
    }
}
