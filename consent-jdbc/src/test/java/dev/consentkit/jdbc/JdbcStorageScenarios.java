package dev.consentkit.jdbc;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.ContractSamples;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the JDBC storage promises beyond the SPI contract; each database runs it through a subclass
 * that supplies empty databases.
 */
abstract class JdbcStorageScenarios {
    private static final KeyedHash KEPT = ContractSamples.hash("kept");
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    /** @return a new, empty database */
    protected abstract DataSource emptyDatabase();

    /** @return the dialect the database should be detected as */
    protected abstract Dialect expectedDialect();

    private DataSource installed() {
        DataSource ds = emptyDatabase();
        SchemaInstaller.of(ds, "ck_").install();
        return ds;
    }

    private static void give(ConsentKit kit, SubjectId s) {
        kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
    }

    private static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theDialectIsDetectedFromTheDatabase() {
        assertThat(JdbcStorage.builder(installed()).build().dialect()).isEqualTo(expectedDialect());
    }

    @Test
    void hostTransactionDecides_rollbackLeavesNeitherCommitLeavesBoth() throws SQLException {
        DataSource ds = installed();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE crm_client (id VARCHAR(64) PRIMARY KEY, name VARCHAR(100))");
        }
        JdbcStorage storage = JdbcStorage.builder(ds).build();
        ConsentKit kit = Fixtures.kit(storage, clock);

        for (boolean commit : new boolean[] {false, true}) {
            SubjectId client = SubjectId.of(commit ? "client-kept" : "client-dropped");
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (JdbcStorage.Binding b = storage.bind(c); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO crm_client VALUES ('" + client.value() + "', 'Anna')");
                    give(kit, client);
                }
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            }
            assertThat(kit.check(client, NEWSLETTER).isPermitted()).isEqualTo(commit);
            assertThat(kit.history(client).entries()).hasSize(commit ? 1 : 0);
        }
        assertThat(count(ds, "crm_client")).isEqualTo(1);
        assertThat(count(ds, "ck_ledger")).isEqualTo(1);
        // the committed entry waits for the sequencer (the kit did not commit the host's transaction)
        assertThat(count(ds, "ck_audit_entry")).isEqualTo(1);
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(count(ds, "ck_audit")).isEqualTo(1);
        assertThat(count(ds, "ck_audit_entry")).isZero();
        assertThat(AuditTrail.of(kit).verifyLedger().isIntact()).isTrue();
    }

    @Test
    void aUnitOfTheKitsOwnIsLinkedIntoTheChainRightAfterItsCommit() throws SQLException {
        DataSource ds = installed();
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);

        give(kit, SubjectId.of("client-1"));
        give(kit, SubjectId.of("client-2"));

        assertThat(count(ds, "ck_audit_entry")).as("nothing waits for the sequencer").isZero();
        assertThat(count(ds, "ck_audit")).isEqualTo(2);
    }

    @Test
    void failedCommitLeavesNothingAndKeepsTheSqlState() throws SQLException {
        RecordingDataSource ds = new RecordingDataSource(installed());
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        ds.failNextCommits(true);

        assertThatThrownBy(() -> give(kit, SubjectId.of("client-1")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("commit")
                .hasMessageContaining("08006")
                .cause().isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08006");
        ds.failNextCommits(false);
        assertThat(count(ds, "ck_ledger")).isZero();
        assertThat(count(ds, "ck_projection")).isZero();
        assertThat(count(ds, "ck_audit")).isZero();
        assertThat(count(ds, "ck_audit_entry")).isZero();
    }

    @Test
    void bulkCheckOf25000SubjectsIsAFewSetBasedStatementsNotOnePerSubject() {
        RecordingDataSource ds = new RecordingDataSource(installed());
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        List<SubjectId> subjects = IntStream.range(0, 25_000).mapToObj(i -> SubjectId.of("c" + i)).toList();
        for (int i = 0; i < 25_000; i += 1_000) {
            give(kit, subjects.get(i));
        }
        ds.statements().clear();

        Map<SubjectId, Decision> decisions = kit.checkAll(subjects, NEWSLETTER);

        assertThat(decisions).hasSize(25_000);
        assertThat(decisions.values().stream().filter(Decision::isPermitted).count()).isEqualTo(25);
        assertThat(ds.statements()).hasSize(3).allSatisfy(sql -> assertThat(sql).contains("ck_projection"));
    }

    @Test
    void theLedgerAndTheAuditChainHaveNoUpdateOrDeleteStatement_M4_M21() throws IllegalAccessException {
        // only pending audit entries (moved into the chain), the projection, the lock rows and the
        // sequencer's bookkeeping change here; the data keys (rewrap, crypto-shredding), blind indexes
        // (erasure) and the v3 stores keep their SQL in their own classes
        // every statement of the consent stores, each store's Sql (a field of Tables) read by reflection
        dev.consentkit.jdbc.internal.Tables tables = new dev.consentkit.jdbc.internal.Tables("ck_", expectedDialect());
        List<String> statements = new ArrayList<>();
        for (Field store : tables.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(store.getModifiers()) || store.getType() == String.class) {
                continue;
            }
            store.setAccessible(true);
            Object sql = store.get(tables);
            for (Field f : sql.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                if (f.getType() == String.class && f.get(sql) != null) { // null: a statement of another dialect
                    statements.add((String) f.get(sql));
                } else if (f.getType() == String[].class) { // the multi-row statements, one per row count
                    for (String s : (String[]) f.get(sql)) {
                        if (s != null) {
                            statements.add(s);
                        }
                    }
                }
            }
        }
        assertThat(statements).hasSizeGreaterThan(15);
        assertThat(statements).noneMatch(s -> s.toUpperCase(Locale.ROOT).matches("(UPDATE|DELETE FROM) CK_(LEDGER|AUDIT) .*"));
        assertThat(statements).filteredOn(s -> s.toUpperCase(Locale.ROOT).matches("(UPDATE|DELETE FROM) .*"))
                .extracting(s -> s.split(" ")[s.startsWith("UPDATE") ? 1 : 2])
                .containsOnly("ck_projection", "ck_audit_entry", "ck_audit_sequencer", "ck_audit_verified",
                        "ck_scope_lock");
    }

    @Test
    void rawSqlEditsAndDeletesOfAuditRowsAreFoundAtTheExactLink_M21() throws SQLException {
        DataSource ds = installed();
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        for (int i = 1; i <= 6; i++) {
            give(kit, SubjectId.of("client-" + i));
        }
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);

        sql(ds, "UPDATE ck_audit SET actor_kind = 'OPERATOR', actor_id = 'intruder' WHERE seq = 4");
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Broken(4, AuditVerification.BreakKind.EDITED));

        DataSource other = installed();
        ConsentKit second = Fixtures.kit(JdbcStorage.builder(other).build(), clock);
        for (int i = 1; i <= 6; i++) {
            give(second, SubjectId.of("client-" + i));
        }
        sql(other, "DELETE FROM ck_audit WHERE seq = 3");
        assertThat(AuditTrail.of(second).verify()).isEqualTo(new AuditVerification.Broken(3, AuditVerification.BreakKind.MISSING));
    }

    @Test
    void truncatedTailAfterACheckpointIsFound_M21() throws SQLException {
        DataSource ds = installed();
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        for (int i = 1; i <= 5; i++) {
            give(kit, SubjectId.of("client-" + i));
        }
        var checkpoint = AuditTrail.of(kit).checkpoint();

        sql(ds, "DELETE FROM ck_audit WHERE seq >= 4");
        sql(ds, "DELETE FROM ck_audit_checkpoint");

        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(AuditTrail.of(kit).verify(checkpoint))
                .isEqualTo(new AuditVerification.Broken(4, AuditVerification.BreakKind.TRUNCATED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CK_", "ck-", "ck ", "ck_;drop", "ck'", "\"ck\"", "", "1ck", "a_very_long_prefix_"})
    void malformedPrefixesAreRejectedAtBuild(String prefix) {
        DataSource ds = emptyDatabase();
        assertThatThrownBy(() -> JdbcStorage.builder(ds).tablePrefix(prefix))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table prefix");
        assertThatThrownBy(() -> SchemaInstaller.of(ds, prefix))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table prefix");
    }

    @Test
    void missingTablesNameTheInstaller() {
        assertThatThrownBy(() -> JdbcStorage.builder(emptyDatabase()).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("SchemaInstaller")
                .hasMessageContaining("dev/consentkit/jdbc/schema/v1/" + expectedDialect().name() + ".sql, "
                        + "dev/consentkit/jdbc/schema/v2/" + expectedDialect().name() + ".sql, "
                        + "dev/consentkit/jdbc/schema/v3/" + expectedDialect().name() + ".sql, "
                        + "dev/consentkit/jdbc/schema/v4/" + expectedDialect().name() + ".sql");
    }

    @Test
    void aNewerSchemaRefusesToStart() throws SQLException {
        DataSource ds = installed();
        sql(ds, "INSERT INTO ck_schema_version (version, description) VALUES (5, 'from the future')");

        assertThatThrownBy(() -> JdbcStorage.builder(ds).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 5")
                .hasMessageContaining("newer than this library's 4");
        assertThatThrownBy(() -> SchemaInstaller.of(ds, "ck_").install())
                .isInstanceOf(StorageException.class).hasMessageContaining("newer");
    }

    @Test
    void installerAppliesMissingVersionsOnceAndPrefixesSeparateInstallations() {
        DataSource ds = emptyDatabase();
        assertThat(SchemaInstaller.of(ds, "ck_").install()).containsExactly(1, 2, 3, 4);
        assertThat(SchemaInstaller.of(ds, "ck_").install()).isEmpty();
        assertThat(SchemaInstaller.of(ds, "crm_ck_").install()).containsExactly(1, 2, 3, 4);

        ConsentKit a = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        ConsentKit b = Fixtures.kit(JdbcStorage.builder(ds).tablePrefix("crm_ck_").build(), clock);
        give(a, SubjectId.of("client-1"));
        assertThat(a.check(SubjectId.of("client-1"), NEWSLETTER).isPermitted()).isTrue();
        assertThat(b.check(SubjectId.of("client-1"), NEWSLETTER).isPermitted()).isFalse();
    }

    @Test
    void aVersion1DatabaseIsUpgradedToVersion2AndKeepsItsData() throws SQLException {
        DataSource ds = emptyDatabase();
        applyByHand(ds, 1);
        sql(ds, "INSERT INTO ck_suppression (hash, purpose_id, since_us) VALUES ('" + KEPT.value() + "', '', 7)");

        assertThatThrownBy(() -> JdbcStorage.builder(ds).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 1")
                .hasMessageContaining("needs 4")
                .hasMessageContaining("dev/consentkit/jdbc/schema/v2/" + expectedDialect().name() + ".sql")
                .message().doesNotContain("/v1/");
        assertThat(SchemaInstaller.of(ds, "ck_").install()).containsExactly(2, 3, 4);
        assertThat(SchemaInstaller.of(ds, "ck_").install()).isEmpty();

        JdbcStorage storage = JdbcStorage.builder(ds).build();
        Set<KeyedHash> suppressed = storage.read(tx -> tx.suppression().suppressed(List.of(KEPT), NEWSLETTER));
        assertThat(suppressed).containsExactly(KEPT);
        WrappedKey key = new WrappedKey(KEPT, KeyGroup.of("marketing"), 1, 1, KekId.of("kek"), new byte[] {1}, Instant.EPOCH);
        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(key);
            BlindIndexStore.in(tx).put(new BlindIndexEntry(IndexName.of("client.email"), 1, "aGVsbG8", SubjectId.of("client-1"),
                    KeyGroup.of("contract"), "client.email"));
            return null;
        });
        List<WrappedKey> keys = storage.read(tx -> KeyStore.in(tx).forSubject(KEPT));
        assertThat(keys).containsExactly(key);
        assertThat(versions(ds)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theScriptsAppliedByHandInOrderEndWhereTheInstallerDoes() throws SQLException {
        DataSource byHand = emptyDatabase();
        applyByHand(byHand, 1);
        applyByHand(byHand, 2);
        applyByHand(byHand, 3);
        applyByHand(byHand, 4);

        assertThat(SchemaInstaller.of(byHand, "ck_").install()).isEmpty();
        assertThat(versions(byHand)).isEqualTo(versions(installed())).containsExactly(1, 2, 3, 4);
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(byHand).build(), clock);
        give(kit, SubjectId.of("client-1"));
        assertThat(kit.check(SubjectId.of("client-1"), NEWSLETTER).isPermitted()).isTrue();
    }

    @Test
    void aVersion3DatabaseIsUpgradedToVersion4AndItsDataKeysKeepWorking() throws SQLException {
        DataSource ds = emptyDatabase();
        for (int v = 1; v <= 3; v++) {
            applyByHand(ds, v);
        }
        // a key as v3 stored it: no format, no authenticator
        try (Connection c = ds.getConnection(); var insert = c.prepareStatement("INSERT INTO ck_data_key (subject_ref,"
                + " grp, version, key_id, kek_id, wrapped, created_at_us) VALUES (?, 'marketing', 1, 77, 'kek-2025', ?,"
                + " 1000000)")) {
            insert.setString(1, KEPT.value());
            insert.setBytes(2, new byte[] {1, 2, 3, 4, 0});
            insert.executeUpdate();
        }

        assertThat(SchemaInstaller.of(ds, "ck_").install()).containsExactly(4);

        JdbcStorage storage = JdbcStorage.builder(ds).build();
        WrappedKey old = new WrappedKey(KEPT, KeyGroup.of("marketing"), 1, 77, KekId.of("kek-2025"), new byte[] {1, 2, 3, 4, 0},
                Instant.ofEpochSecond(1));
        java.util.Optional<WrappedKey> read = storage.read(tx -> KeyStore.in(tx).find(KEPT, 77));
        assertThat(read).get().satisfies(k -> {
            assertThat(k).isEqualTo(old);
            assertThat(k.format()).isEqualTo(WrappedKey.FORMAT_V1);
            assertThat(k.hasAuthenticator()).isFalse();
        });
        WrappedKey next = new WrappedKey(KEPT, KeyGroup.of("marketing"), 2, 78, KekId.of("kek-2026"), new byte[] {5}, Instant.ofEpochSecond(2),
                WrappedKey.FORMAT_V2, new byte[32]);
        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(next);
            return KeyStore.in(tx).rewrap(old.rewrapped(KekId.of("kek-2026"), new byte[] {6}, WrappedKey.FORMAT_V2, new byte[] {9}));
        });
        List<WrappedKey> both = storage.read(tx -> KeyStore.in(tx).forSubject(KEPT));
        assertThat(both).containsExactly(
                old.rewrapped(KekId.of("kek-2026"), new byte[] {6}, WrappedKey.FORMAT_V2, new byte[] {9}), next);
        Instant shred = Instant.ofEpochSecond(3);
        int destroyed = storage.inTransaction(tx -> KeyStore.in(tx).destroy(KEPT, List.of(), shred));
        assertThat(destroyed).isEqualTo(2);
        java.util.Optional<Instant> shredded = storage.read(tx -> KeyStore.in(tx).shredded(KEPT, KeyGroup.of("marketing"), 77));
        Map<KekId, dev.consentkit.core.spi.protection.KekUsage> wraps = storage.read(tx -> KeyStore.in(tx).usageByKek());
        assertThat(shredded).contains(shred);
        assertThat(wraps).isEqualTo(Map.of(KekId.of("kek-2026"), new dev.consentkit.core.spi.protection.KekUsage(0, 2)));
    }

    /** What a migration tool does: run one shipped script, statement by statement. */
    private void applyByHand(DataSource ds, int version) throws SQLException {
        for (String statement : SchemaInstaller.statements(SchemaInstaller.of(ds, "ck_").script(expectedDialect(), version))) {
            sql(ds, statement);
        }
    }

    private static List<Integer> versions(DataSource ds) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM ck_schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    @Test
    void concurrentInstallersApplyTheSchemaOnce() throws Exception {
        DataSource ds = emptyDatabase();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> SchemaInstaller.of(ds, "ck_").install()));
            }
            List<Integer> applied = new ArrayList<>();
            for (var run : runs) {
                applied.addAll(run.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(applied).containsExactly(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overLongValuesAreRejectedBeforeAnySqlWithTheLimitNamed() {
        RecordingDataSource ds = new RecordingDataSource(installed());
        ConsentKit kit = Fixtures.kit(JdbcStorage.builder(ds).build(), clock);
        ds.statements().clear();

        assertThatThrownBy(() -> give(kit, SubjectId.of("x".repeat(129))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
        Locale longTag = Locale.forLanguageTag("ru-RU-x-" + "abcdefgh-".repeat(4) + "abc");
        assertThatThrownBy(() -> kit.consent(SubjectId.of("client-1"), NEWSLETTER).locale(longTag)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give())
                .isInstanceOf(RuntimeException.class).hasMessageContaining("locale");
        assertThat(ds.statements()).noneMatch(sql -> sql.startsWith("INSERT"));
    }

    private static void sql(DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
