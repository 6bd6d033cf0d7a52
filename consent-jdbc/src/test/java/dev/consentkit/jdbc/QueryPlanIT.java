package dev.consentkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.jdbc.testing.DatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A single check is one index lookup on the projection, and master-key rotation finds the few keys
 * left to rewrap through the KEK index, on both servers, with 20 000 rows present.
 */
class QueryPlanIT {
    @RegisterExtension
    static final DatabaseServer POSTGRES = DatabaseServer.postgres();
    @RegisterExtension
    static final DatabaseServer MARIADB = DatabaseServer.mariaDb();

    private static final String CHECK = "SELECT status FROM ck_projection WHERE subject_id = 'c4242' AND purpose_id = 'newsletter'";
    /** The rotation statement of {@code Sql}, late in a rotation to {@code kek-new}. */
    private static final String TO_REWRAP = "SELECT subject_ref, grp, version, key_id, kek_id, wrapped, created_at_us"
            + " FROM ck_data_key WHERE kek_id < 'kek-new' OR kek_id > 'kek-new' LIMIT 100";

    private static DataSource filled(DatabaseServer server) throws SQLException {
        DataSource ds = server.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ck_projection (subject_id, purpose_id,"
                    + " channel, asset_id, status, since_us, seq, restricted, objected) VALUES (?, ?, '', '', 'GIVEN', 0, ?, ?, ?)")) {
                for (int i = 0; i < 10_000; i++) {
                    for (String purpose : new String[] {"newsletter", "portfolio"}) {
                        insert.setString(1, "c" + i);
                        insert.setString(2, purpose);
                        insert.setLong(3, i + 1L);
                        insert.setBoolean(4, false);
                        insert.setBoolean(5, false);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return ds;
    }

    /** 20 000 keys, all but 10 already rewrapped under {@code kek-new}. */
    private static DataSource keysMostlyRewrapped(DatabaseServer server) throws SQLException {
        DataSource ds = server.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ck_data_key (subject_ref, grp, version,"
                    + " key_id, kek_id, wrapped, created_at_us) VALUES (?, 'marketing', 1, ?, ?, ?, 0)")) {
                for (int i = 0; i < 20_000; i++) {
                    insert.setString(1, String.format("%043d", i));
                    insert.setInt(2, i);
                    insert.setString(3, i % 2_000 == 0 ? "kek-old" : "kek-new");
                    insert.setBytes(4, new byte[60]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return ds;
    }

    private static List<String> rows(DataSource ds, String analyze, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(analyze);
            try (ResultSet rs = st.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    @Test
    void postgresAnswersACheckWithAnIndexScanOfTheProjectionKey() throws SQLException {
        List<String> plan = rows(filled(POSTGRES), "ANALYZE ck_projection", "EXPLAIN " + CHECK);

        assertThat(String.join("\n", plan)).contains("Index Scan using ck_projection_").doesNotContain("Seq Scan")
                .doesNotContain("Bitmap");
    }

    @Test
    void mariaDbAnswersACheckWithALookupOfThePrimaryKey() throws SQLException {
        List<String> plan = rows(filled(MARIADB), "ANALYZE TABLE ck_projection", "EXPLAIN " + CHECK);

        assertThat(plan).singleElement().satisfies(row -> assertThat(row).contains("key=PRIMARY").contains("type=ref"));
    }

    @Test
    void postgresFindsKeysToRewrapThroughTheKekIndex() throws SQLException {
        List<String> plan = rows(keysMostlyRewrapped(POSTGRES), "ANALYZE ck_data_key", "EXPLAIN " + TO_REWRAP);

        assertThat(String.join("\n", plan)).contains("ck_data_key_kek_ix").doesNotContain("Seq Scan");
    }

    @Test
    void mariaDbFindsKeysToRewrapThroughTheKekIndex() throws SQLException {
        List<String> plan = rows(keysMostlyRewrapped(MARIADB), "ANALYZE TABLE ck_data_key", "EXPLAIN " + TO_REWRAP);

        assertThat(plan).singleElement().satisfies(row -> assertThat(row).contains("key=ck_data_key_kek_ix")
                .contains("type=range"));
    }
}
