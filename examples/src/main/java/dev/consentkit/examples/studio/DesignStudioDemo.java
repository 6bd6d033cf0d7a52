package dev.consentkit.examples.studio;

import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.examples.studio.StudioCatalog.NEWSLETTER;
import static dev.consentkit.examples.studio.StudioCatalog.ORDERS;
import static dev.consentkit.examples.studio.StudioCatalog.PORTFOLIO;
import static dev.consentkit.examples.studio.StudioCatalog.RU;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.json.ConsentJson;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.crypto.AccessDeniedException;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.FieldRef;
import dev.consentkit.crypto.KeyDestroyedException;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.Normalizer;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.crypto.PurposeNotPermittedException;
import dev.consentkit.examples.HandClock;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A design studio's CRM: clients order projects, some subscribe to the newsletter, some let the
 * studio show their project in its portfolio. Runs on an embedded H2 database whose tables the
 * schema installer creates. Run it with the command in the README.
 */
public final class DesignStudioDemo {
    private final PrintStream out;
    private final HandClock clock = new HandClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final DataSource database = h2();
    private final JdbcStorage storage;
    private final HmacKey auditKey = randomKey();
    private final HmacKey pseudonymKey = randomKey();

    private DesignStudioDemo(PrintStream out) {
        this.out = out;
        SchemaInstaller.of(database, "ck_").install();
        this.storage = JdbcStorage.builder(database).tablePrefix("ck_").build();
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:studio-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /**
     * Prints the scenario to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * Runs the scenario.
     *
     * @param out where to print it
     */
    public static void run(PrintStream out) {
        new DesignStudioDemo(out).scenario();
    }

    private ConsentKit kit(ProcessingCatalog catalog) {
        return ConsentKit.builder()
                .catalog(catalog)
                .jurisdiction(Jurisdiction.RU_152FZ)
                .storage(storage)
                .clock(clock)
                .auditKey(auditKey)
                .pseudonymKey(pseudonymKey)
                .accessPolicy(AccessPolicy.builder(catalog)  // who may read, write and search which categories
                        .grant("manager").purposes(StudioCatalog.ORDERS, NEWSLETTER).categories(CategoryId.of("contact"))
                        .actions(AccessAction.READ, AccessAction.WRITE, AccessAction.SEARCH)
                        .grant("designer").purposes(StudioCatalog.ORDERS).categories(CategoryId.of("order")).actions(AccessAction.READ)
                        .build())
                .build();
    }

    private void scenario() {
        ConsentKit kit = kit(StudioCatalog.catalog(StudioCatalog.newsletterNotice()));
        SubjectId anna = SubjectId.of("client-1001");
        SubjectId boris = SubjectId.of("client-1002");
        SubjectId vera = SubjectId.of("client-1003");

        step("1. The catalogue, declared once");
        kit.catalog().purposes().forEach(p -> out.printf("   %-17s basis %-17s %s%n", p.id(), p.basis(), p.name().best(RU)));

        step("2. Anna ticks the newsletter box on the web form (notice shown in Russian)");
        LedgerEntry given = kit.consent(anna, NEWSLETTER)
                .locale(RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress("203.0.113.7").userAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0").build())
                .idempotencyKey("web-req-8f1c")
                .give();
        out.println("   notice text: " + kit.catalog().notice(StudioCatalog.NEWSLETTER_NOTICE).orElseThrow()
                .text(given.event().notice().orElseThrow().version()).orElseThrow().best(RU));
        out.println("   recorded:    " + given.event().kind() + " notice " + given.event().notice().orElseThrow().version()
                + " sha256=" + given.event().notice().orElseThrow().textSha256().substring(0, 16) + "...");
        out.println("   evidence:    " + given.event().evidence().method() + ", IP kept only as keyed hash "
                + given.event().evidence().ipHash().orElseThrow().value().substring(0, 12) + "...");
        LedgerEntry again = kit.consent(anna, NEWSLETTER).locale(RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress("203.0.113.7").userAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0").build())
                .idempotencyKey("web-req-8f1c")
                .give();
        out.println("   double submit with the same idempotency key -> same entry #" + again.sequence()
                + (again.equals(given) ? " (nothing new recorded)" : " (NEW ENTRY?)"));
        show(kit.check(anna, NEWSLETTER));

        step("3. Anna also opens a client account (the seed's second sentence); her receipt as JSON");
        LedgerEntry account = kit.consent(anna, StudioCatalog.ACCOUNT).locale(RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("account-signup").build())
                .give();
        out.println(ConsentJson.create().writeReceipt(kit.receipt(account)).indent(3).stripTrailing());

        step("4. Orders need no consent: the contract is the basis");
        show(kit.check(anna, ORDERS));

        step("5. Boris signs a paper form at the desk; the operator records it for project-42 only");
        kit.consent(boris, PORTFOLIO).asset(AssetId.of("project-42"))
                .evidence(kit.evidence(CollectionMethod.PAPER_FORM).recordedBy(Actor.operator("desk-olga"))
                        .formId("paper-portfolio-v1").attachment("scans/2026/03/portfolio-17.pdf").build())
                .give();
        show(kit.check(ConsentScope.of(boris, PORTFOLIO).withAsset(AssetId.of("project-42"))));
        show(kit.check(ConsentScope.of(boris, PORTFOLIO).withAsset(AssetId.of("project-43"))));

        step("6. Vera refuses the newsletter");
        kit.consent(vera, NEWSLETTER).locale(RU).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).refuse();
        show(kit.check(vera, NEWSLETTER));

        step("7. Boris subscribes too; a week later Anna withdraws with one call");
        kit.consent(boris, NEWSLETTER).locale(RU).evidence(kit.evidence(CollectionMethod.IN_PERSON)
                .recordedBy(Actor.operator("desk-olga")).build()).give();
        clock.advance(Duration.ofDays(7));
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("account-settings").build())
                .withdraw();
        show(kit.check(anna, NEWSLETTER));

        step("8. The newsletter notice changes in a major way (2.0: partners' offers)");
        ConsentKit updated = kit(StudioCatalog.catalog(StudioCatalog.newsletterNoticeWithPartners()));
        show(updated.check(boris, NEWSLETTER));
        out.println("   invalidation sweep recorded " + updated.invalidateOutdated().size()
                + " INVALIDATED event(s); Boris must be asked again");
        show(updated.check(boris, NEWSLETTER));

        step("9. Anna's consent history (what she gets on an access request)");
        for (LedgerEntry e : updated.history(anna).entries()) {
            out.printf("   #%d %s %-9s %s via %s%n", e.sequence(), e.event().occurredAt(), e.event().kind(),
                    e.event().scope(), e.event().evidence().method());
        }

        step("10. The audit chain");
        AuditVerification verification = AuditTrail.of(updated).verify();
        out.println("   " + AuditTrail.of(updated).records(1, 10_000).size() + " audit records, verify(): " + verification);
        for (AuditRecord r : AuditTrail.of(updated).records(1, 3)) {
            AuditEvent e = r.event();
            out.printf("   #%d %s %s subject=%s...%n", r.sequence(), e.action(), e.actor(),
                    e.subjectRef().map(h -> h.value().substring(0, 10)).orElse("-"));
        }

        step("11. Personal fields encrypted under Anna's own key; found by e-mail through a blind index");
        ProtectedField email = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
        ProtectedField phone = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract")).replacedBy("[erased]");
        BlindIndex byEmail = BlindIndex.sized(IndexName.of("client.email"), email, Normalizer.EMAIL, 16, 1_000_000);
        FieldCrypto crypto = FieldCrypto.builder(updated)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("demo-kek-1"), randomKey().bytes()))
                .blindIndexKey(randomKey())
                .fields(email, phone)
                .blindIndex(byEmail)
                .build();
        Principal olga = Principal.of("olga", "manager");
        FieldRef annaEmail = email.at("client-row-1001", anna);
        FieldRef annaPhone = phone.at("client-row-1001", anna);
        String storedEmail = crypto.seal(olga, StudioCatalog.ORDERS, annaEmail, "anna.petrova@example.org");
        String storedPhone = crypto.seal(olga, StudioCatalog.ORDERS, annaPhone, "+7 912 345-67-89");
        crypto.index(olga, StudioCatalog.ORDERS, byEmail, anna, "anna.petrova@example.org");
        out.println("   client.email column holds: " + storedEmail.substring(0, 24) + "... (" + storedEmail.length() + " chars)");
        out.println("   find by e-mail \"Anna.Petrova@Example.org\" -> "
                + crypto.find(olga, StudioCatalog.ORDERS, byEmail, "Anna.Petrova@Example.org"));
        out.println("   manager opens it for order fulfilment: " + crypto.open(olga, StudioCatalog.ORDERS, annaEmail, storedEmail));
        try {
            crypto.open(Principal.of("ivan", "designer"), StudioCatalog.ORDERS, annaEmail, storedEmail);
        } catch (AccessDeniedException e) {
            out.println("   designer opens it: REFUSED " + e.reason());
        }
        try {
            crypto.open(olga, NEWSLETTER, annaEmail, storedEmail);
        } catch (PurposeNotPermittedException e) {
            out.println("   manager opens it for the newsletter Anna withdrew from: REFUSED " + e.reason());
        }
        ErasureReceipt receipt = crypto.shred(anna, Set.of(), Actor.operator("dpo"));
        out.println("   Anna erased: " + receipt.keysDestroyed() + " key destroyed, " + receipt.indexEntriesRemoved()
                + " index entry removed, audit entry #" + receipt.auditEntry());
        try {
            crypto.open(olga, StudioCatalog.ORDERS, annaEmail, storedEmail);
        } catch (KeyDestroyedException e) {
            out.println("   a backup copy of her e-mail: " + e.getMessage());
        }
        out.println("   a backup copy of her phone reads as: " + crypto.open(olga, StudioCatalog.ORDERS, annaPhone, storedPhone));
        out.println("   find by e-mail now -> " + crypto.find(olga, StudioCatalog.ORDERS, byEmail, "anna.petrova@example.org"));
        out.println("   audit chain still verifies: " + AuditTrail.of(updated).verify().isIntact());
        TransparencyChapter.run(out, this::kit, kit.catalog(), updated);
        RegisterChapter.run(out, updated, clock, clock::advance);

        step("18. Someone edits rows in the database with raw SQL: an audit record (#3: actor changed), a consent event");
        String[] original = actorOf(3);
        sql("UPDATE ck_audit SET actor_kind = 'OPERATOR', actor_id = 'intruder' WHERE seq = 3");
        out.println("   verify(): " + AuditTrail.of(updated).verify());
        sql("UPDATE ck_audit SET actor_kind = '" + original[0] + "', actor_id = "
                + (original[1] == null ? "NULL" : "'" + original[1] + "'") + " WHERE seq = 3");
        out.println("   row restored, verify(): " + AuditTrail.of(updated).verify().isIntact());
        editAWithdrawalBackIntoAGift(updated);
        sql("DELETE FROM ck_audit WHERE seq = 5");
        out.println("   record #5 deleted instead, verify(): " + AuditTrail.of(updated).verify());
        MonitoringChapter.run(out);

        RightsChapter.run(out, database, StudioCatalog.catalog(StudioCatalog.newsletterNotice()), auditKey, pseudonymKey);
        ErasureChapter.run(out);
        RetentionChapter.run(out, storage, database, auditKey, pseudonymKey, clock.instant());
    }

    /**
     * A client withdraws; then the ledger row of the withdrawal and her projection row are both edited
     * back to GIVEN: check() reads one row and permits, the audit chain itself is untouched, and
     * verifyLedger() names the row.
     */
    private void editAWithdrawalBackIntoAGift(ConsentKit kit) {
        SubjectId vera = SubjectId.of("client-0031");
        kit.consent(vera, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        long seq = kit.consent(vera, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .withdraw().sequence();
        sql("UPDATE ck_ledger SET kind = 'GIVEN' WHERE seq = " + seq);
        sql("UPDATE ck_projection SET status = 'GIVEN' WHERE seq = " + seq);
        out.println("   client-0031 withdrew (ledger #" + seq + "); that row and her projection row edited back to GIVEN:");
        out.println("     check() permits: " + kit.check(vera, NEWSLETTER).isPermitted() + "; verify(): "
                + AuditTrail.of(kit).verify().isIntact() + " (the chain itself is untouched)");
        out.println("     verifyLedger(): " + AuditTrail.of(kit).verifyLedger().findings());
        sql("UPDATE ck_ledger SET kind = 'WITHDRAWN' WHERE seq = " + seq);
        sql("UPDATE ck_projection SET status = 'WITHDRAWN' WHERE seq = " + seq);
        out.println("   both restored, verifyLedger() finds nothing: " + AuditTrail.of(kit).verifyLedger().isIntact());
        // she subscribes again, so the retention chapter has no newsletter contact of hers to dispose of
        kit.consent(vera, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
    }

    private String[] actorOf(long sequence) {
        try (Connection c = database.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT actor_kind, actor_id FROM ck_audit WHERE seq = " + sequence)) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        } catch (SQLException e) {
            throw new IllegalStateException("demo SQL failed", e);
        }
    }

    private void sql(String statement) {
        try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("demo SQL failed", e);
        }
    }

    private void step(String title) {
        out.println();
        out.println(title);
    }

    private void show(Decision decision) {
        String verdict;
        if (decision instanceof Decision.Permitted p) {
            verdict = "PERMITTED on " + p.basis()
                    + p.since().map(s -> " since " + s).orElse("")
                    + p.notice().map(n -> " (notice " + n.notice() + " " + n.version() + ")").orElse("");
        } else {
            verdict = "DENIED: " + ((Decision.Denied) decision).reason();
        }
        out.println("   check " + decision.scope() + " -> " + verdict);
    }

    private static HmacKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HmacKey.of(key);
    }
}
