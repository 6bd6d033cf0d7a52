package dev.consentkit.examples.studio;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.purpose.Controller;
import dev.consentkit.core.purpose.DataCategory;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.purpose.Purpose;
import dev.consentkit.core.purpose.RetentionDeclaration;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ErasureOutcome;
import dev.consentkit.core.rights.ErasureRequest;
import dev.consentkit.core.rights.ExportSink;
import dev.consentkit.core.rights.ExportValue;
import dev.consentkit.core.rights.SubjectDataContributor;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The studio answers a client's rights: her access export (pretty JSON, encrypted fields opened for
 * her), a correction of her e-mail address through the studio's own table, and her erasure, which
 * keeps the invoices tax law requires (with the reason) and crypto-shreds the rest. Runs on its own
 * embedded H2 database, with the studio's client and invoice tables beside ConsentKit's.
 */
final class ErasureChapter {
    private static final Locale EN = Locale.ENGLISH;
    private static final PurposeId ORDERS = StudioCatalog.ORDERS;
    private static final PurposeId NEWSLETTER = StudioCatalog.NEWSLETTER;
    private static final PurposeId INVOICES = PurposeId.of("invoices");

    private ErasureChapter() {
    }

    /**
     * Runs the chapter.
     *
     * @param out where to print it
     */
    static void run(PrintStream out) {
        DataSource db = h2();
        SchemaInstaller.of(db, "ck_").install();
        ProcessingCatalog catalog = catalog();
        ConsentKit kit = ConsentKit.builder().catalog(catalog).storage(JdbcStorage.builder(db).build())
                .clock(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC))
                .auditKey(randomKey()).pseudonymKey(randomKey())
                .accessPolicy(AccessPolicy.builder(catalog).grant("manager").purposes(ORDERS)
                        .categories(CategoryId.of("contact")).actions(AccessAction.READ)
                        .grant("studio-app").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.WRITE)
                        .grant("studio-app").purposes(INVOICES).categories(CategoryId.of("billing")).actions(AccessAction.WRITE)
                        .build())
                .build();
        FieldCrypto crypto = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("demo-kek-1"), randomKey().bytes()))
                .blindIndexKey(randomKey())
                .fields(ClientTables.FIELDS)
                .build();
        ClientTables studio = new ClientTables(db, crypto);
        SubjectDataService rights = SubjectDataService.builder(kit).contributor(studio).build();
        SubjectId anna = SubjectId.of("client-2001");
        Actor dpo = Actor.operator("dpo");

        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        studio.addClient(anna, "Anna Petrova", "anna.petrova@example.org");
        studio.addInvoice(anna, "INV-2026-0042", "120.00", "Anna Petrova");
        studio.addInvoice(anna, "INV-2026-0057", "80.00", "Anna Petrova");

        step(out, "26. Anna asks what the studio holds about her (access, GDPR Art. 15 / 152-FZ Art. 14)");
        ConsentJson json = ConsentJson.create();
        RequestId access = SubjectRights.builder(kit).build().receive(anna, RequestType.ACCESS, Actor.subject()).id();
        SubjectRights.builder(kit).build().verifyIdentity(access, dpo);
        out.println(indent(json.writeExport(rights.export(access, dpo))));
        out.println("   request " + SubjectRights.builder(kit).build().find(access).orElseThrow().state() + ": "
                + SubjectRights.builder(kit).build().find(access).orElseThrow().lastStep().note().orElse(""));

        step(out, "27. Anna corrects her e-mail address (rectification in the studio's own client table)");
        studio.correctEmail(anna, "a.petrova@example.net");
        rights.export(verifiedAccess(kit, anna, dpo), dpo).sections().stream().filter(s -> s.name().equals("client"))
                .forEach(s -> out.println("   client record now: email = " + s.records().get(0).values().get("email")));

        step(out, "28. Anna asks to be erased while a court case holds all her data; then again once it is over");
        LegalHold hold = LegalHolds.of(kit).place(HoldScope.forSubject(anna), "court case A40-1234/2026",
                Actor.operator("lawyer"));
        ErasureRequest request = ErasureRequest.builder(anna, dpo)
                .contact(ContactPoint.email("a.petrova@example.net")).suppressEverywhere().build();
        RequestId first = SubjectRights.builder(kit).build().receive(anna, RequestType.ERASURE, Actor.subject()).id();
        SubjectRights.builder(kit).build().verifyIdentity(first, dpo);
        ErasureOutcome refused = rights.erase(first, request);
        out.println("   outcome: " + refused.status() + " because " + refused.refused());
        out.println("   request " + SubjectRights.builder(kit).build().find(first).orElseThrow().state());
        LegalHolds.of(kit).lift(hold.id(), Actor.operator("lawyer"));
        RequestId second = SubjectRights.builder(kit).build().receive(anna, RequestType.ERASURE, Actor.subject()).id();
        SubjectRights.builder(kit).build().verifyIdentity(second, dpo);
        ErasureOutcome outcome = rights.erase(second, request);
        out.println("   outcome: " + outcome.status() + ", consents withdrawn " + outcome.withdrawn()
                + ", contacts suppressed " + outcome.suppressed());
        outcome.erased().forEach(e -> out.printf("   erased  %-16s %s x%d%n", e.source(), e.what(), e.count()));
        outcome.kept().forEach(k -> out.printf("   kept    %-16s %s x%d%n            because %s%n", k.source(), k.what(),
                k.count(), k.reason()));
        out.println("   rows left: client " + studio.count("client") + ", invoice " + studio.count("invoice")
                + "; invoice billing name still opens: " + rights.export(verifiedAccess(kit, anna, dpo), dpo).sections().stream()
                .flatMap(s -> s.records().stream()).anyMatch(r -> r.values().containsKey("billing_name")));
        out.println("   request " + SubjectRights.builder(kit).build().find(second).orElseThrow().state() + ": "
                + SubjectRights.builder(kit).build().find(second).orElseThrow().lastStep().note().orElse(""));
        out.println("   a second erasure: " + rights.erase(ErasureRequest.builder(anna, dpo).build()).status());
        out.println("   audit chain verifies: " + AuditTrail.of(kit).verify().isIntact());
    }

    /** Anna asks (again) what is held about her and the DPO checks her identity: an export needs that. */
    private static RequestId verifiedAccess(ConsentKit kit, SubjectId anna, Actor dpo) {
        RequestId id = SubjectRights.builder(kit).build().receive(anna, RequestType.ACCESS, Actor.subject()).id();
        SubjectRights.builder(kit).build().verifyIdentity(id, dpo);
        return id;
    }

    private static ProcessingCatalog catalog() {
        return ProcessingCatalog.builder()
                .controller(Controller.of("Studio Lumen LLC", "privacy@studio-lumen.example"))
                .jurisdiction("RU")
                .defaultLocale(StudioCatalog.RU)
                .category(new DataCategory(StudioCatalog.CONTACT_DATA, LocalizedText.of(EN, "Contact details"), false))
                .category(new DataCategory(StudioCatalog.ORDER_DATA, LocalizedText.of(EN, "Order details"), false))
                .category(new DataCategory(CategoryId.of("billing"), LocalizedText.of(EN, "Invoices and payments"), false))
                .notice(StudioCatalog.newsletterNotice())
                .purpose(Purpose.builder(ORDERS).name(LocalizedText.of(EN, "Order fulfilment"))
                        .description(LocalizedText.of(EN, "To design and deliver what you ordered."))
                        .basis(LegalBasis.CONTRACT).categories(StudioCatalog.CONTACT_DATA, StudioCatalog.ORDER_DATA).build())
                .purpose(Purpose.builder(NEWSLETTER).name(LocalizedText.of(EN, "Newsletter"))
                        .description(LocalizedText.of(EN, "News about new products and offers."))
                        .basis(LegalBasis.CONSENT).categories(StudioCatalog.CONTACT_DATA).notice(StudioCatalog.NEWSLETTER_NOTICE).build())
                .purpose(Purpose.builder(INVOICES).name(LocalizedText.of(EN, "Invoices"))
                        .description(LocalizedText.of(EN, "Keeping invoices as tax law requires."))
                        .basis(LegalBasis.LEGAL_OBLIGATION).categories(CategoryId.of("billing"))
                        .retention(RetentionDeclaration.afterEvent(Period.ofYears(5), EventName.of("invoice.issued"))).build())
                .build();
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }

    private static void step(PrintStream out, String title) {
        out.println();
        out.println(title);
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:studio-rights-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static HmacKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HmacKey.of(key);
    }

    /** The studio's client and invoice tables, joined to export and erasure. */
    private static final class ClientTables implements SubjectDataContributor {
        static final ProtectedField NAME = ProtectedField.of("client", "full_name", CategoryId.of("contact"), KeyGroup.of("profile"));
        static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("profile"));
        static final ProtectedField BILLING_NAME = ProtectedField.of("invoice", "billing_name", CategoryId.of("billing"), KeyGroup.of("billing"));
        static final ProtectedField[] FIELDS = {NAME, EMAIL, BILLING_NAME};
        /** The studio's application account: it writes the tables (the policy grants it WRITE, nothing else). */
        static final Principal APP = Principal.of("studio-app", "studio-app");
        private final DataSource db;
        private final FieldCrypto crypto;

        ClientTables(DataSource db, FieldCrypto crypto) {
            this.db = db;
            this.crypto = crypto;
            ddl("CREATE TABLE client (subject_id VARCHAR(128) PRIMARY KEY, full_name VARCHAR(1000), email VARCHAR(1000))");
            ddl("CREATE TABLE invoice (number VARCHAR(32) PRIMARY KEY, subject_id VARCHAR(128), amount VARCHAR(16),"
                    + " billing_name VARCHAR(1000))");
        }

        void addClient(SubjectId s, String name, String email) {
            sql("INSERT INTO client VALUES (?, ?, ?)", s.value(), crypto.seal(APP, ORDERS, NAME.at(s.value(), s), name),
                    crypto.seal(APP, ORDERS, EMAIL.at(s.value(), s), email));
        }

        void correctEmail(SubjectId s, String email) {
            sql("UPDATE client SET email = ? WHERE subject_id = ?", crypto.seal(APP, ORDERS, EMAIL.at(s.value(), s), email),
                    s.value());
        }

        void addInvoice(SubjectId s, String number, String amount, String billingName) {
            sql("INSERT INTO invoice VALUES (?, ?, ?, ?)", number, s.value(), amount,
                    crypto.seal(APP, INVOICES, BILLING_NAME.at(number, s), billingName));
        }

        long count(String table) {
            return query("SELECT COUNT(*) FROM " + table + " WHERE ? IS NOT NULL", "all", rs -> {
                rs.next();
                return rs.getLong(1);
            });
        }

        @Override
        public String name() {
            return "studio";
        }

        @Override
        public void contribute(SubjectId s, ExportSink sink) {
            query("SELECT full_name, email FROM client WHERE subject_id = ?", s.value(), rs -> {
                while (rs.next()) {
                    Map<String, ExportValue> f = new LinkedHashMap<>();
                    f.put("full_name", ExportValue.sealed(new SealedValue("client", "full_name", s.value(), rs.getString(1))));
                    f.put("email", ExportValue.sealed(new SealedValue("client", "email", s.value(), rs.getString(2))));
                    sink.record("client", f);
                }
                return null;
            });
            query("SELECT number, amount, billing_name FROM invoice WHERE subject_id = ? ORDER BY number", s.value(), rs -> {
                while (rs.next()) {
                    Map<String, ExportValue> f = new LinkedHashMap<>();
                    f.put("number", ExportValue.plain(rs.getString(1)));
                    f.put("amount", ExportValue.plain(rs.getString(2)));
                    f.put("billing_name", ExportValue.sealed(new SealedValue("invoice", "billing_name", rs.getString(1),
                            rs.getString(3))));
                    sink.record("invoices", f);
                }
                return null;
            });
        }

        @Override
        public ContributorErasure erase(SubjectId s, ErasureContext context) {
            ContributorErasure.Builder done = ContributorErasure.builder(context);
            if (context.mayErase(StudioCatalog.CONTACT_DATA)) {
                done.erased("client row", sql("DELETE FROM client WHERE subject_id = ?", s.value()));
            }
            long invoices = query("SELECT COUNT(*) FROM invoice WHERE subject_id = ?", s.value(), rs -> {
                rs.next();
                return rs.getLong(1);
            });
            if (invoices > 0) {
                done.keptAs("invoice rows", invoices, CategoryId.of("billing"));
            }
            return done.build();
        }

        private interface RowReader<T> {
            T read(ResultSet rs) throws SQLException;
        }

        private <T> T query(String sql, String arg, RowReader<T> reader) {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(rs);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("demo SQL failed", e);
            }
        }

        private void ddl(String statement) {
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                st.execute(statement);
            } catch (SQLException e) {
                throw new IllegalStateException("demo SQL failed", e);
            }
        }

        private int sql(String sql, String... args) {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("demo SQL failed", e);
            }
        }
    }
}
