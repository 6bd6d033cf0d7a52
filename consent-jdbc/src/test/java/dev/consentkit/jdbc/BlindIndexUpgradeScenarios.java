package dev.consentkit.jdbc;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.IndexName;
import dev.consentkit.jdbc.spi.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database with blind-index entries written under schema version 3 (no version, group or field)
 * is upgraded to version 4 and keeps working in the defined way (issue 12, findings 5 and 10): its
 * entries answer as version 1, a shred of any group of their subject removes them until they are
 * attributed, and attribution gives them the index's group, after which only that group's shred
 * removes them. Each database runs it through a subclass.
 */
abstract class BlindIndexUpgradeScenarios {
    private static final SubjectId ANNA = SubjectId.of("client-1");
    private static final SubjectId BORIS = SubjectId.of("client-2");
    private static final SubjectId CAROL = SubjectId.of("клиент-3");
    private DataSource ds;
    private JdbcStorage storage;

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /** @return the dialect of that database */
    protected abstract Dialect dialect();

    @BeforeEach
    final void aVersion3DatabaseWithEntriesIsUpgraded() throws SQLException {
        ds = emptyDatabase();
        SchemaInstaller installer = SchemaInstaller.of(ds, "ck_");
        for (int version = 1; version <= 3; version++) {
            for (String statement : SchemaInstaller.statements(installer.script(dialect(), version))) {
                sql(statement);
            }
        }
        // what ConsentKit wrote before issue 12: index name, value, subject
        for (String[] row : new String[][] {{"client.email", "b2xk", ANNA.value()}, {"client.phone", "cGhvbmU", ANNA.value()},
                {"client.email", "b2xk", BORIS.value()}, {"client.email", "Y2Fyb2w", CAROL.value()}}) {
            sql("INSERT INTO ck_blind_index (index_name, index_value, subject_id) VALUES ('" + row[0] + "', '" + row[1]
                    + "', '" + row[2] + "')");
        }

        assertThat(installer.install()).containsExactly(4);
        storage = JdbcStorage.builder(ds).build();
    }

    @Test
    void entriesOfVersion3AnswerAsVersion1AndOnlyAsVersion1() throws SQLException {
        assertThat(find("client.email", 1, "b2xk")).containsExactlyInAnyOrder(ANNA, BORIS);
        assertThat(find("client.phone", 1, "cGhvbmU")).containsExactly(ANNA);
        assertThat(find("client.email", 2, "b2xk")).isEmpty();
        assertThat(column("SELECT DISTINCT index_version FROM ck_blind_index")).containsExactly("1");
        assertThat(column("SELECT COUNT(*) FROM ck_blind_index WHERE grp IS NULL AND field_name IS NULL")).containsExactly("4");

        // the same value in version 2 is a second entry beside the old one
        write(i -> {
            i.put(new BlindIndexEntry(IndexName.of("client.email"), 2, "b2xk", ANNA, KeyGroup.of("contract"), "client.email"));
            return null;
        });
        assertThat(find("client.email", 2, "b2xk")).containsExactly(ANNA);
        assertThat(find("client.email", 1, "b2xk")).containsExactlyInAnyOrder(ANNA, BORIS);
    }

    @Test
    void untilAttributedAShredOfAnyGroupOfTheSubjectRemovesItsOldEntries() {
        write(i -> {
            i.put(new BlindIndexEntry(IndexName.of("client.email"), 2, "bmV3", ANNA, KeyGroup.of("contract"), "client.email"));
            return null;
        });

        assertThat(this.<Integer>write(i -> i.removeGroups(ANNA, List.of(KeyGroup.of("marketing"))))).as("both entries of v3").isEqualTo(2);

        assertThat(find("client.email", 1, "b2xk")).containsExactly(BORIS);
        assertThat(find("client.phone", 1, "cGhvbmU")).isEmpty();
        assertThat(find("client.email", 2, "bmV3")).as("an attributed entry of another group stays")
                .containsExactly(ANNA);
    }

    @Test
    void attributedEntriesGoOnlyWithTheirGroupAndTheReindexPagesThroughThem() throws SQLException {
        assertThat(this.<Integer>write(i -> i.attribute(IndexName.of("client.email"), KeyGroup.of("contract"), "client.email"))).isEqualTo(3);
        assertThat(this.<Integer>write(i -> i.attribute(IndexName.of("client.email"), KeyGroup.of("marketing"), "client.email"))).isZero();

        assertThat(column("SELECT grp FROM ck_blind_index WHERE index_name = 'client.email'")).containsOnly("contract");
        assertThat(this.<Integer>write(i -> i.removeGroups(BORIS, List.of(KeyGroup.of("marketing"))))).isZero();
        assertThat(find("client.email", 1, "b2xk")).containsExactlyInAnyOrder(ANNA, BORIS);
        assertThat(older("client.email", 2, Optional.empty(), 10)).containsExactlyInAnyOrder(ANNA, BORIS, CAROL);
        assertThat(this.<Integer>write(i -> i.removeOlderThan(IndexName.of("client.email"), 2, CAROL))).isEqualTo(1);
        assertThat(this.<Integer>write(i -> i.removeGroups(BORIS, List.of(KeyGroup.of("contract"))))).isEqualTo(1);
        assertThat(find("client.email", 1, "b2xk")).containsExactly(ANNA);
        assertThat(older("client.email", 2, Optional.empty(), 10)).containsExactly(ANNA);
    }

    private List<SubjectId> find(String index, int version, String value) {
        return storage.read(tx -> BlindIndexStore.in(tx).find(IndexName.of(index), version, value));
    }

    private List<SubjectId> older(String index, int version, Optional<SubjectId> after, int limit) {
        return storage.read(tx -> BlindIndexStore.in(tx).olderThan(IndexName.of(index), version, after, limit));
    }

    private <T> T write(Function<BlindIndexStore, T> work) {
        return storage.inTransaction(tx -> work.apply(BlindIndexStore.in(tx)));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
