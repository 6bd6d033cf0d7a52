package dev.consentkit.spring.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the installed ConsentKit schema version. Not API. */
public final class SchemaVersions {
    private SchemaVersions() {
    }

    /**
     * @param c a connection
     * @param prefix the validated table prefix
     * @return the version in {@code <prefix>schema_version}; 0 when ConsentKit's tables are absent
     * @throws SQLException if the database fails otherwise
     */
    public static int installed(Connection c, String prefix) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM " + prefix + "schema_version");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            if (!isMissingTable(e)) {
                throw e;
            }
            if (!autoCommit) {
                c.rollback();
            }
            return 0;
        }
    }

    /** H2, PostgreSQL and MariaDB's "no such table", by SQLState or vendor code. */
    static boolean isMissingTable(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("42S02".equals(state) || "42S04".equals(state) || "42P01".equals(state)
                    || x.getErrorCode() == 1146 || x.getErrorCode() == 42102 || x.getErrorCode() == 42104) {
                return true;
            }
        }
        return false;
    }
}
