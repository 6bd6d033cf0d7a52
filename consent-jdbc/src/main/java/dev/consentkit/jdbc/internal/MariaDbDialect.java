package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB 10.6 and later (InnoDB). A set of ids travels as one JSON array parameter read by
 * {@code JSON_TABLE}. It declares no {@link Dialect.Capability}: the stores send their standard forms.
 * Not API: use {@code Dialects.MARIADB}.
 */
public final class MariaDbDialect implements Dialect {
    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public boolean isConflict(SQLException e) {
        // 1062 duplicate key, 1213 deadlock, 1205 lock wait timeout; 40001 serialization failure
        return SqlStates.anyInChain(e, "40001") || SqlStates.anyErrorCode(e, 1062, 1213, 1205);
    }

    @Override
    public String inSet(String column) {
        return column + " IN (SELECT j.v FROM JSON_TABLE(?, '$[*]' COLUMNS (v VARCHAR(128) PATH '$')) AS j)";
    }

    @Override
    public void bindSet(Connection connection, PreparedStatement statement, int index, List<String> values)
            throws SQLException {
        StringBuilder json = new StringBuilder(values.size() * 24).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendJsonString(json, values.get(i));
        }
        statement.setString(index, json.append(']').toString());
    }

    static void appendJsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * On a duplicate primary key InnoDB takes an exclusive record lock (no gap lock), so the loser of a
     * first-insert race waits for the winner's commit, then updates the row.
     */
    @Override
    public String lockRow(String table) {
        return "INSERT INTO " + table + " (subject_id, area, turns) VALUES (?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE turns = turns + 1";
    }

    @Override
    public boolean snapshotMayPredateLock() {
        return true;
    }

    @Override
    public void lockSchema(Connection connection, String lockName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 60)")) {
            ps.setString(1, lockName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("schema lock " + lockName + " not acquired within 60 s");
                }
            }
        }
    }

    @Override
    public void unlockSchema(Connection connection, String lockName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName);
            ps.execute();
        }
    }

    @Override
    public Optional<String> insertReturning(String insert, String columns) {
        return Optional.of(insert + " RETURNING " + columns); // MariaDB 10.5 and later
    }

    @Override
    public String toString() {
        return name();
    }
}
