package dev.consentkit.examples.guide;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.Actor;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.compliance.Compliance;
import dev.consentkit.core.compliance.ComplianceReport;
import dev.consentkit.core.json.ComplianceJson;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.monitor.WorkingHours;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.FieldRef;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.examples.studio.StudioCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The example of {@code docs/guide/monitoring.md}: a manager who opens 30 clients' e-mails in a row raises an
 * alert; the compliance report before and after the privacy desk acknowledges it.
 */
public final class MonitoringGuide {
    private MonitoringGuide() {
    }

    /** What the example ends with. */
    public record Outcome(List<MonitoringAlert> paged, ComplianceReport before, ComplianceReport after, String markdown,
                          String json) {
    }

    /**
     * @param auditKey the audit key
     * @param pseudonymKey the pseudonym key
     * @return the alerts and the reports
     */
    public static Outcome run(HmacKey auditKey, HmacKey pseudonymKey) {
        ProcessingCatalog catalog = StudioCatalog.catalog(StudioCatalog.newsletterNotice());
        List<MonitoringAlert> paged = new ArrayList<>();
        AccessPolicy staff = AccessPolicy.builder(catalog).grant("manager").purposes(StudioCatalog.ORDERS)
                .categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
        // snippet:monitoring
        ConsentKit kit = ConsentKit.builder().catalog(catalog).jurisdiction(Jurisdiction.RU_152FZ)
                .auditKey(auditKey).pseudonymKey(pseudonymKey).accessPolicy(staff)
                .clock(Clock.fixed(Instant.parse("2026-03-06T14:30:00Z"), ZoneOffset.UTC))
                .build();
        AccessMonitoring monitoring = AccessMonitoring.builder(kit)      // build it at start-up: it listens from then on
                .policy(MonitoringPolicy.builder()
                        .window(Duration.ofMinutes(10)).maxOpens(20).maxDistinctSubjects(10).maxDenialsInARow(3)
                        .workingHours(WorkingHours.weekdays(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(19, 0)))
                        .build())
                .alertListener(paged::add)                            // e.g. alert -> pager.send(...)
                .build();
        // end:monitoring
        ProtectedField email = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
        FieldCrypto crypto = FieldCrypto.builder(kit)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("guide-kek-1"), GuideKeys.random().bytes()))
                .blindIndexKey(GuideKeys.random()).fields(email).build();
        Principal olga = Principal.of("olga", "manager");
        for (int i = 1; i <= 30; i++) {
            FieldRef ref = email.at("client-row-" + i, SubjectId.of("client-" + i));
            crypto.open(olga, StudioCatalog.ORDERS, ref, crypto.seal(olga, StudioCatalog.ORDERS, ref, "c" + i + "@example.org"));
        }
        ComplianceReport before = Compliance.builder(kit).build().report();
        // snippet:compliance
        for (MonitoringAlert a : monitoring.unacknowledged(100)) {
            monitoring.acknowledge(a.id(), Actor.operator("dpo"), "mailing list for the print shop, ticket 42");
        }
        ComplianceReport report = Compliance.builder(kit).build().report(); // sees what the kit's FieldCrypto encrypts
        String markdown = report.toMarkdown();
        String json = ComplianceJson.create().writeReport(report);
        // end:compliance
        return new Outcome(paged, before, report, markdown, json);
    }
}
