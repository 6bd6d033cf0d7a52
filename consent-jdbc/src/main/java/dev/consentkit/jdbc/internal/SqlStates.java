package dev.consentkit.jdbc.internal;

import java.sql.SQLException;
import java.util.Set;

/** Reading SQLStates and vendor codes through a chain of causes and next exceptions. Not API. */
public final class SqlStates {
    private SqlStates() {
    }

    /**
     * @param e a failure
     * @param states SQLStates to look for
     * @return whether the failure or one of its causes carries one of them
     */
    public static boolean anyInChain(SQLException e, String... states) {
        Set<String> wanted = Set.of(states);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && wanted.contains(n.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * @param e a failure
     * @param codes vendor error codes to look for
     * @return whether the failure or one of its causes carries one of them
     */
    public static boolean anyErrorCode(SQLException e, int... codes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (int code : codes) {
                    if (s.getErrorCode() == code) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
