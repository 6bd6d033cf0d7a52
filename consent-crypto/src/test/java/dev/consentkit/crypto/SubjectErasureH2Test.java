package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.rights.SubjectRights;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.testkit.fixtures.TraceLogCapture;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.rights.ErasureOutcome;
import dev.consentkit.core.rights.ErasureRequest;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
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
 * M15, M17, M20, G2 end to end on embedded H2 with real field encryption: a client's access export
 * opens her encrypted fields; her erasure keeps the invoices (legal obligation, their billing key
 * kept) and crypto-shreds the rest; afterwards a scan of every table of the database (the kit's and
 * the host's, created by this test) and of the log captured at TRACE (in a class loader with a fresh
 * SLF4J, as consent-core's NoPersonalDataInLogsTest does) finds none of her plaintext, while the
 * invoice rows are still there and the outcome says why.
 */
class SubjectErasureH2Test {
    static final String NAME = "Anna Petrova";
    static final String EMAIL = "anna.petrova@example.org";
    static final String PHONE = "+79123456789";
    static final String IP = "203.0.113.77";
    static final String DUMP = "table: ";
    static final String SAID = "said: ";

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

    private static String table(String name) {
        return said(DUMP).stream().filter(t -> t.startsWith(name + "\n") || t.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theAccessExportOpensTheEncryptedFieldsForTheClient() {
        String export = said(SAID).stream().filter(s -> s.startsWith("export before: ")).findFirst().orElseThrow();
        assertThat(export).contains("\"full_name\": \"" + NAME + "\"", "\"email\": \"" + EMAIL + "\"", "\"phone\": \"" + PHONE + "\"",
                "\"billing_name\": \"" + NAME + "\"", "\"protected\": [\"full_name\"", "\"source\": \"studio\"");
    }

    @Test
    void theOutcomeKeepsTheInvoicesUnderTheLegalObligationAndShredsTheRest() {
        assertThat(said(SAID)).contains(
                "status: COMPLETED",
                "erased: studio client row 1",
                "erased: studio order rows 1",
                "erased: field-protector data keys of groups profile (crypto-shredded) 1",
                "erased: field-protector blind-index entries 1",
                "kept: studio invoice rows 2 LEGAL_OBLIGATION",
                "kept: field-protector data keys of group billing 1 LEGAL_OBLIGATION",
                "kept: consent-kit consent events 3 PROOF",
                "suppressed: 1",
                "second: NOTHING_TO_ERASE",
                "audit intact: true");
        assertThat(said(SAID)).anySatisfy(s -> assertThat(s).startsWith("reason: purpose invoices (dpv:LegalObligation)"));
    }

    @Test
    void afterErasureTheInvoicesRemainReadableAndAShreddedBackupCopyIsNot() {
        assertThat(table("INVOICE")).contains("INV-2026-0042", "INV-2026-0043");
        assertThat(table("CLIENT").lines()).hasSize(1);
        assertThat(said(SAID)).contains("export after: billing_name opens: true", "backup copy of the name opens: false",
                "newsletter to the old address permitted: false");
    }

    @Test
    void noTableOfTheDatabaseAndNoLogLineHoldsTheClientsPlaintext() {
        assertThat(said(DUMP)).extracting(t -> t.lines().findFirst().orElseThrow())
                .contains("CK_LEDGER", "CK_AUDIT", "CK_DATA_KEY", "CK_SUPPRESSION", "CK_LEGAL_HOLD", "CLIENT", "INVOICE", "STUDIO_ORDER");
        for (String table : said(DUMP)) {
            assertThat(table).doesNotContain(NAME, "Petrova", EMAIL, PHONE, "9123456789", IP, "Logo and letterhead");
        }
        assertThat(log).as("captured log").contains("INFO dev.consentkit.core.rights.SubjectDataService - erasure");
        assertThat(log).doesNotContain(NAME, "Petrova", EMAIL, PHONE, "9123456789", IP, "client-7001");
    }

    /** The host's session, run in the isolated class loader; returns what it saw and every table. */
    public static final class Scenario implements Callable<List<String>> {
        @Override
        public List<String> call() throws Exception {
            List<String> said = new ArrayList<>();
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:ck" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            SchemaInstaller.of(ds, "ck_").install();
            StudioTables.create(ds);
            MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
            AccessPolicy policy = StudioTables.grants(AccessPolicy.builder(Fixtures.catalog())
                    .grant("manager").purposes(Fixtures.ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ)).build();
            ConsentKit kit = Instances.kit(JdbcStorage.builder(ds).build(), clock, policy);
            byte[] master = new byte[32];
            Arrays.fill(master, (byte) 3);
            byte[] indexKey = new byte[32];
            Arrays.fill(indexKey, (byte) 9);
            FieldCrypto crypto = StudioTables.declare(FieldCrypto.builder(kit).keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), master))
                    .blindIndexKey(HmacKey.of(indexKey))).build();
            StudioTables studio = new StudioTables(ds, crypto);
            SubjectId anna = SubjectId.of("client-7001");
            Actor dpo = Actor.operator("dpo-1");

            kit.consent(anna, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).ipAddress(IP).build()).give();
            studio.addClient(anna, "7001", SubjectErasureH2Test.NAME, SubjectErasureH2Test.EMAIL, SubjectErasureH2Test.PHONE);
            studio.addOrder(anna, "Logo and letterhead");
            studio.addInvoice(anna, "INV-2026-0042", "120.00", SubjectErasureH2Test.NAME);
            studio.addInvoice(anna, "INV-2026-0043", "80.00", SubjectErasureH2Test.NAME);
            kit.object(anna, Fixtures.NEWSLETTER, Actor.subject());
            SealedValue backup = studio.sealedName("7001");

            SubjectDataService data = SubjectDataService.builder(kit).contributor(studio).build();
            ConsentJson json = ConsentJson.create();
            said.add(SAID + "export before: " + json.writeExport(data.export(verifiedAccess(kit, anna, dpo), dpo)).replace("\n", "").replaceAll(" +", " ")
                    .replace("\" : ", "\": ").replace("[ \"", "[\""));

            clock.advance(java.time.Duration.ofDays(3));
            ErasureOutcome outcome = data.erase(ErasureRequest.builder(anna, dpo)
                    .contact(ContactPoint.email(SubjectErasureH2Test.EMAIL)).build());
            said.add(SAID + "status: " + outcome.status());
            outcome.erased().forEach(e -> said.add(SAID + "erased: " + e.source() + " " + e.what() + " " + e.count()));
            outcome.kept().forEach(k -> said.add(SAID + "kept: " + k.source() + " " + k.what() + " " + k.count() + " "
                    + k.reason().ground()));
            outcome.kept().forEach(k -> said.add(SAID + "reason: " + k.reason().explanation()));
            said.add(SAID + "suppressed: " + outcome.suppressed());
            said.add(SAID + "second: " + data.erase(ErasureRequest.builder(anna, dpo).build()).status());

            boolean billingOpens = data.export(verifiedAccess(kit, anna, dpo), dpo).sections().stream().flatMap(s -> s.records().stream())
                    .anyMatch(r -> SubjectErasureH2Test.NAME.equals(r.values().get("billing_name")));
            said.add(SAID + "export after: billing_name opens: " + billingOpens);
            said.add(SAID + "backup copy of the name opens: " + crypto.openForRequest(
                    verifiedAccess(kit, anna, dpo), backup, dpo).isPresent());
            said.add(SAID + "newsletter to the old address permitted: " + kit.check(
                    dev.consentkit.core.consent.ConsentScope.of(SubjectId.of("client-9999"), Fixtures.NEWSLETTER),
                    ContactPoint.email(SubjectErasureH2Test.EMAIL)).isPermitted());
            said.add(SAID + "audit intact: " + (AuditTrail.of(kit).verify() instanceof AuditVerification.Intact));
            said.addAll(dump(ds));
            return said;
        }

        /** The client asks for a copy of her data and the DPO checks who she is: what an export needs. */
        private static RequestId verifiedAccess(ConsentKit kit, SubjectId subject, Actor dpo) {
            RequestId id = SubjectRights.builder(kit).build().receive(subject, RequestType.ACCESS, dpo).id();
            SubjectRights.builder(kit).build().verifyIdentity(id, dpo);
            return id;
        }

        private static List<String> dump(JdbcDataSource ds) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String name : names) {
                    StringBuilder text = new StringBuilder(name);
                    try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + name + "\"")) {
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
