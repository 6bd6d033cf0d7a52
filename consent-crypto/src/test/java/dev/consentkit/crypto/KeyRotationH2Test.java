package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.testkit.fixtures.TraceLogCapture;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.crypto.internal.Argon2id;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A key file, a master-key rotation and a data-key rotation on embedded H2 through {@link JdbcStorage}:
 * every value still opens, and neither the database's {@code ck_} tables nor the log (captured at TRACE
 * in a class loader with a fresh SLF4J, as consent-core's NoPersonalDataInLogsTest does) hold a
 * plaintext, the passphrase or a master key.
 */
class KeyRotationH2Test {
    static final String EMAIL = "anna.petrova@example.org";
    static final String PHONE = "+79123456789";
    static final String NEW_EMAIL = "a.petrova@example.net";
    static final String PASSPHRASE = "Kirschbaum-Ufer-1977";
    static final String DUMP = "table: ";
    static final String OPENED = "opened: ";

    private static String log;
    private static List<String> said;

    @BeforeAll
    static void playTheScenario() throws Exception {
        TraceLogCapture capture = TraceLogCapture.run(Scenario.class, TraceLogCapture.wholeClassPath());
        log = capture.log();
        said = capture.said();
    }

    private static List<String> said(String kind) {
        return said.stream().filter(s -> s.startsWith(kind)).map(s -> s.substring(kind.length())).toList();
    }

    @Test
    void everyValueStillOpensAfterBothRotations() {
        assertThat(said(OPENED)).containsExactly(EMAIL, PHONE, EMAIL, NEW_EMAIL, "true");
    }

    @Test
    void theDatabaseTablesHoldNoPlaintext() {
        assertThat(said(DUMP)).anySatisfy(t -> assertThat(t).startsWith("CK_DATA_KEY").contains("kek-2027"));
        assertThat(said(DUMP)).anySatisfy(t -> assertThat(t).startsWith("CK_AUDIT").contains("key.rewrapped")
                .contains("key.rotated").contains("field.resealed"));
        // the subject id may appear (blind-index rows name it, for erasure): it is the host's key, not a personal value
        for (String table : said(DUMP)) {
            assertThat(table).doesNotContain(EMAIL, PHONE, NEW_EMAIL, "anna", "9123456789", PASSPHRASE);
        }
    }

    @Test
    void theLogHoldsNoPlaintextNoPassphraseAndNoSubjectId() {
        assertThat(log).as("captured log").contains("DEBUG dev.consentkit.ConsentKit - ConsentKit built");
        assertThat(log).doesNotContain(EMAIL, PHONE, NEW_EMAIL, "anna", "9123456789", PASSPHRASE, "client-7001");
    }

    /** The host's session, run in the isolated class loader; returns what it read back and the tables. */
    public static final class Scenario implements Callable<List<String>> {
        private static final ProtectedField EMAIL_FIELD = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
        private static final ProtectedField PHONE_FIELD = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
        private static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL_FIELD, Normalizer.EMAIL, 16, 1_000_000);

        @Override
        public List<String> call() throws Exception {
            List<String> said = new ArrayList<>();
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:ck" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            SchemaInstaller.of(ds, "ck_").install();
            JdbcStorage storage = JdbcStorage.builder(ds).tablePrefix("ck_").build();
            AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                    .grant("manager").purposes(Fixtures.ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
            ConsentKit kit = Instances.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"), policy);
            Path dir = Files.createTempDirectory("ck-keyfile");
            Path file = dir.resolve("master.key");
            char[] passphrase = PASSPHRASE.toCharArray();
            KeyFile.create(file, passphrase, KekId.of("kek-2026"), new Argon2id.Params(64, 1, 1));
            byte[] indexKey = new byte[32];
            Arrays.fill(indexKey, (byte) 9);
            SubjectId anna = SubjectId.of("client-7001");
            Principal manager = Principal.of("olga", "manager");
            FieldRef email = EMAIL_FIELD.at("7001", anna);
            FieldRef phone = PHONE_FIELD.at("7001", anna);

            FieldCrypto before = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(KeyFile.open(file, passphrase))
                    .blindIndexKey(HmacKey.of(indexKey))
                    .fields(EMAIL_FIELD, PHONE_FIELD).blindIndex(EMAIL_INDEX).build();
            String sealedEmail = before.seal(manager, Fixtures.ORDERS, email, EMAIL);
            String sealedPhone = before.seal(manager, Fixtures.ORDERS, phone, PHONE);
            before.index(manager, Fixtures.ORDERS, EMAIL_INDEX, anna, EMAIL);

            KeyFile.rotate(file, passphrase, KekId.of("kek-2027"));
            FieldCrypto after = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(KeyFile.open(file, passphrase))
                    .blindIndexKey(HmacKey.of(indexKey))
                    .fields(EMAIL_FIELD, PHONE_FIELD).blindIndex(EMAIL_INDEX).build();
            said.add("report: " + after.rewrapAll(1, p -> { }));
            after.rotateDataKey(anna, KeyGroup.of("contract"));
            String resealedEmail = after.resealIfOld(email, sealedEmail).orElseThrow();
            String newEmail = after.seal(manager, Fixtures.ORDERS, email, NEW_EMAIL);

            said.add(OPENED + after.open(manager, Fixtures.ORDERS, email, sealedEmail));
            said.add(OPENED + after.open(manager, Fixtures.ORDERS, phone, sealedPhone));
            said.add(OPENED + after.open(manager, Fixtures.ORDERS, email, resealedEmail));
            said.add(OPENED + after.open(manager, Fixtures.ORDERS, email, newEmail));
            said.add(OPENED + (AuditTrail.of(kit).verify() instanceof AuditVerification.Intact));
            Files.delete(file);
            Files.delete(dir);
            said.addAll(dump(ds));
            return said;
        }

        private static List<String> dump(JdbcDataSource ds) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'CK\\_%' ORDER BY TABLE_NAME")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String name : names) {
                    StringBuilder text = new StringBuilder(name);
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + name)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            text.append('\n');
                            for (int i = 1; i <= columns; i++) {
                                text.append(rs.getString(i)).append(" | ");
                            }
                        }
                    }
                    tables.add(DUMP + text);
                }
            }
            return tables;
        }
    }
}
