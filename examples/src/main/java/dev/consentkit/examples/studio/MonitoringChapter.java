package dev.consentkit.examples.studio;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.compliance.ComplianceReport;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.monitor.WorkingHours;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.FieldRef;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The demo's chapter on access monitoring and the compliance self-check (issue 6): a manager reads
 * thirty clients' e-mail addresses in one go, which trips the monitoring thresholds; the compliance
 * report shows the unacknowledged alerts; the privacy desk acknowledges them and the report comes
 * back clean. Runs on its own embedded H2 database,
 * since the main scenario ends by tampering with its audit chain.
 */
public final class MonitoringChapter {
    private MonitoringChapter() {
    }

    /**
     * @param out where to print the chapter
     */
    public static void run(PrintStream out) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:studio-monitoring-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        SchemaInstaller.of(database, "ck_").install();
        // Friday 17:30 in Moscow: inside working hours, so only the volume is suspicious
        Clock clock = Clock.fixed(Instant.parse("2026-03-06T14:30:00Z"), ZoneOffset.UTC);
        List<MonitoringAlert> paged = new ArrayList<>();
        ProcessingCatalog catalog = StudioCatalog.catalog(StudioCatalog.newsletterNotice());
        ConsentKit kit = ConsentKit.builder()
                .catalog(catalog)
                .jurisdiction(Jurisdiction.RU_152FZ)
                .storage(JdbcStorage.builder(database).build())
                .clock(clock)
                .auditKey(randomKey())
                .pseudonymKey(randomKey())
                .accessPolicy(AccessPolicy.builder(catalog)
                        .grant("manager").purposes(StudioCatalog.ORDERS).categories(CategoryId.of("contact"))
                        .actions(AccessAction.READ, AccessAction.WRITE)
                        .build())
                .build();
        AccessMonitoring monitoring = AccessMonitoring.builder(kit)
                .policy(MonitoringPolicy.builder()
                        .window(Duration.ofMinutes(10)).maxOpens(20).maxDistinctSubjects(10).maxDenialsInARow(3)
                        .workingHours(WorkingHours.weekdays(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(19, 0)))
                        .build())
                .alertListener(paged::add)
                .build();
        ProtectedField email = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
        FieldCrypto crypto = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("demo-kek-1"), randomKey().bytes()))
                .blindIndexKey(randomKey())
                .fields(email)
                .build();

        out.println();
        out.println("19. Access monitoring: the manager reads 30 clients' e-mail addresses in one go");
        Principal olga = Principal.of("olga", "manager");
        List<FieldRef> refs = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            FieldRef ref = email.at("client-row-" + (2000 + i), SubjectId.of("client-" + (2000 + i)));
            refs.add(ref);
            stored.add(crypto.seal(olga, StudioCatalog.ORDERS, ref, "client" + i + "@example.org"));
        }
        for (int i = 0; i < refs.size(); i++) {
            crypto.open(olga, StudioCatalog.ORDERS, refs.get(i), stored.get(i));
        }
        // read audits are written behind (within 100 ms); monitoring hears an open once its batch is written
        AuditTrail.of(kit).flushReads();
        for (MonitoringAlert a : paged) {
            out.printf("   ALERT %s by %s: %d against a limit of %d (audit entry #%d)%n", a.rule(), a.principal(),
                    a.observed(), a.threshold(), a.auditEntry());
        }

        out.println();
        out.println("20. Compliance report before (field protection as FieldCrypto describes it)");
        ComplianceReport before = Compliance.builder(kit).build().report();
        out.println(before.toMarkdown().indent(3).stripTrailing());

        out.println();
        out.println("21. The privacy desk looks into the alerts and acknowledges them; the report after");
        for (MonitoringAlert a : monitoring.unacknowledged(100)) {
            monitoring.acknowledge(a.id(), Actor.operator("dpo"), "mailing list for the print shop, ticket 42");
        }
        ComplianceReport after = Compliance.builder(kit).build().report();
        out.println(after.toMarkdown().indent(3).stripTrailing());
        out.println("   findings before: " + before.findings().size() + ", after: " + after.findings().size()
                + "; audit chain verifies: " + AuditTrail.of(kit).verify().isIntact());
    }

    private static HmacKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HmacKey.of(key);
    }
}
