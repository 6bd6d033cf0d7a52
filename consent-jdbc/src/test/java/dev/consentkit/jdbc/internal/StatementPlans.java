package dev.consentkit.jdbc.internal;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.SchemaInstaller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The query plans of the statements consent-jdbc really runs (taken from {@link Tables}, not copied),
 * on a database filled with enough rows that a scan and an index lookup differ: 10 000 subjects
 * with two purposes each, 5 000 suppressed hashes and 3 000 audit records (each binding a ledger row).
 */
final class StatementPlans {
    static final int SUBJECTS = 10_000;
    static final int AUDIT_LINKS = 3_000;
    private final DataSource ds;
    private final Dialect dialect;
    private final Tables sql;

    private StatementPlans(DataSource ds, Dialect dialect) {
        this.ds = ds;
        this.dialect = dialect;
        this.sql = new Tables("ck_", dialect);
    }

    /**
     * @param ds an empty database
     * @param dialect its dialect
     * @param analyze the statements that refresh the optimizer's statistics after the fill
     * @return the plans of the filled database
     * @throws SQLException if the fill fails
     */
    static StatementPlans filled(DataSource ds, Dialect dialect, String... analyze) throws SQLException {
        SchemaInstaller.of(ds, "ck_").install();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ck_projection (subject_id, purpose_id,"
                    + " channel, asset_id, status, since_us, seq, restricted, objected) VALUES (?, ?, '', '', 'GIVEN', 0, ?, ?, ?)")) {
                for (int i = 0; i < SUBJECTS; i++) {
                    for (String purpose : new String[] {"newsletter", "portfolio"}) {
                        insert.setString(1, subject(i));
                        insert.setString(2, purpose);
                        insert.setLong(3, i + 1L);
                        insert.setBoolean(4, false);
                        insert.setBoolean(5, false);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ck_suppression (hash, purpose_id, since_us) VALUES (?, ?, 0)")) {
                for (int i = 0; i < SUBJECTS / 2; i++) {
                    insert.setString(1, hash(i));
                    insert.setString(2, i % 2 == 0 ? "" : "newsletter");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ck_audit (" + JdbcAuditStore.AUDIT_COLUMNS + ")"
                    + " VALUES (?, ?, 2, 0, 'SYSTEM', NULL, 'consent.given', NULL, NULL, 'SUCCESS', NULL, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= AUDIT_LINKS; i++) {
                    insert.setLong(1, i);
                    insert.setLong(2, i);
                    insert.setLong(3, i);
                    insert.setString(4, link(i));
                    insert.setString(5, link(i));
                    insert.setString(6, link(i - 1));
                    insert.setString(7, link(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                for (String a : analyze) {
                    st.execute(a);
                }
            }
            c.commit();
        }
        return new StatementPlans(ds, dialect);
    }

    static String subject(int i) {
        return String.format("client-%06d", i);
    }

    static String hash(int i) {
        return String.format("%043d", i);
    }

    private static String link(long i) {
        return String.format("%064x", i);
    }

    /** @return the plan of the sequencer's read of the chain's head */
    String auditHead() throws SQLException {
        return explain(sql.audit.auditHead, (c, ps) -> { });
    }

    /**
     * @return the plan of the read of the entries binding a range of ledger sequences (a page of the
     *         walk is 1 000 of millions of rows; here 100 of the 3 000, the same small share)
     */
    String bindings() throws SQLException {
        return explain(sql.audit.bindings, (c, ps) -> {
            ps.setLong(1, 1_000);
            ps.setLong(2, 1_099);
            ps.setLong(3, 1_000);
            ps.setLong(4, 1_099);
            ps.setInt(5, 100_000);
        });
    }

    /** @return the plan of the audience filter for three subjects */
    String audienceFilter() throws SQLException {
        return explain(sql.projection.stateFindAll, (c, ps) -> {
            dialect.bindSet(c, ps, 1, List.of(subject(7), subject(4242), subject(9999)));
            ps.setString(2, "newsletter");
        });
    }

    /** @return the plan of the suppression match for three hashes */
    String suppressionMatch() throws SQLException {
        return explain(sql.suppression.suppressionMatch, (c, ps) -> {
            dialect.bindSet(c, ps, 1, List.of(hash(3), hash(400), hash(4001)));
            ps.setString(2, "newsletter");
        });
    }

    /** @return the plan of a single check */
    String check() throws SQLException {
        return explain(sql.projection.stateFind, (c, ps) -> {
            ps.setString(1, subject(4242));
            ps.setString(2, "newsletter");
        });
    }

    /** Runs the statements on the filled database with the given binding and returns the first column. */
    List<String> run(String statement, Binding binding) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            binding.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    Tables sql() {
        return sql;
    }

    private String explain(String statement, Binding binding) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement)) {
            binding.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(columns > 1 ? rs.getMetaData().getColumnLabel(i) + "=" : "").append(rs.getString(i))
                                .append(' ');
                    }
                    rows.add(row.toString().replace('\n', ' '));
                }
            }
        }
        return String.join("\n", rows);
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binding {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }
}
