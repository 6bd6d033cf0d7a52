package dev.consentkit.core.compliance;

import dev.consentkit.core.EventName;
import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.rights.SubjectRights;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.json.ComplianceJson;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.MonitoringPolicy;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.monitor.AccessMonitoring;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compliance self-check (seed: "regular compliance checks with a report"; R-GDPR-5
 * accountability): a clean configuration gives no findings, each seeded problem gives its finding
 * with the requirement it relates to and the fix, and fixing it clears the finding.
 */
class ComplianceReportTest {
    private static final String START = "2026-03-02T10:00:00Z";
    private final MutableClock clock = MutableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create();

    private ConsentKit clean() {
        return ComplianceWorld.studio(ComplianceWorld.clean(storage, clock));
    }

    private void give(ConsentKit kit, String subject) {
        kit.consent(SubjectId.of(subject), NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
    }

    private static List<String> checks(ComplianceReport report) {
        return report.findings().stream().map(Finding::check).toList();
    }

    /** A studio in Russia left on the kit's default regime (GDPR) is told to run 152-FZ (R-RU-10, R-RU-15). */
    @Test
    void aControllerInRussiaOnTheDefaultGdprKitIsFoundUntilTheKitRuns152Fz() {
        ProcessingCatalog russian = ComplianceWorld.catalog(ComplianceWorld.notice(), true, "RU");
        ConsentKit gdpr = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock).catalog(russian));

        assertThat(Compliance.builder(gdpr).build().report().findings()).filteredOn(f -> f.check().equals("kit.jurisdiction"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.requirements()).contains("R-RU-10", "R-RU-15");
                    assertThat(f.target()).isEqualTo("kit jurisdiction gdpr");
                    assertThat(f.fix()).contains("jurisdiction(Jurisdiction.RU_152FZ)");
                });

        ConsentKit ru = ComplianceWorld.studio(ComplianceWorld.clean(InMemoryStorage.create(), clock).catalog(russian)
                .jurisdiction(Jurisdiction.RU_152FZ));
        ComplianceReport fixed = Compliance.builder(ru).build().report();
        assertThat(fixed.checks()).contains("kit.jurisdiction");
        assertThat(checks(fixed)).doesNotContain("kit.jurisdiction");
    }

    @Test
    void aCleanConfigurationWithDataGivesNoFindings() {
        ConsentKit kit = clean();
        give(kit, "client-1");
        kit.restrict(SubjectId.of("client-2"), Fixtures.ORDERS, Actor.operator("anna"));

        ComplianceReport report = Compliance.builder(kit).build().report();

        assertThat(report.findings()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.generatedAt()).isEqualTo(Instant.parse(START));
        assertThat(report.checks()).containsExactly("kit.jurisdiction", "purpose.retention", "notice.current", "consent.outdated_notice",
                "consent.validity_lapsed", "audit.chain", "audit.ledger", "key.rotation", "key.master",
                "category.encryption",
                "category.mfa", "monitoring.enabled", "monitoring.alerts", "request.overdue",
                "request.provisional_deadline", "calendar.table_missing", "breach.notification_overdue");
        assertThat(report.toMarkdown()).contains("No findings: every check passed.");
    }

    @Test
    void aPurposeWithoutRetentionIsFound() {
        ConsentKit kit = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock)
                .catalog(ComplianceWorld.catalog(ComplianceWorld.notice(), false)));

        List<Finding> found = Compliance.builder(kit).build().report().findings();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("purpose.retention");
            assertThat(f.target()).isEqualTo("purpose portfolio");
            assertThat(f.requirements()).contains("R-GDPR-3", "M22");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.fix()).contains("retention");
        });
    }

    @Test
    void aConsentPurposeWhoseCurrentNoticeDroppedALanguageIsFound() {
        ConsentKit kit = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock)
                .catalog(ComplianceWorld.catalog(ComplianceWorld.englishDropped(), true)));

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("notice.current");
            assertThat(f.target()).isEqualTo("notice newsletter-notice of purpose newsletter");
            assertThat(f.problem()).contains("2.0").contains("en");
        });
    }

    @Test
    void consentsOnAnOutdatedNoticeStillReliedOnAreFoundUntilInvalidated() {
        give(clean(), "client-1");
        give(clean(), "client-2");
        ConsentKit afterMajorChange = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock)
                .catalog(ComplianceWorld.catalog(ComplianceWorld.majorChange(), true)));

        assertThat(Compliance.builder(afterMajorChange).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("consent.outdated_notice");
            assertThat(f.problem()).startsWith("2 consents to purpose newsletter");
            assertThat(f.requirements()).contains("R-GDPR-10", "M7");
        });

        afterMajorChange.invalidateOutdated();
        assertThat(Compliance.builder(afterMajorChange).build().report().findings()).isEmpty();
    }

    @Test
    void validityRunOutWithoutReconfirmationIsFoundUntilExpired() {
        ConsentKit kit = clean();
        give(kit, "client-1");
        clock.advance(Duration.ofDays(366));

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("consent.validity_lapsed");
            assertThat(f.problem()).startsWith("1 consent to purpose newsletter").contains("P12M");
        });

        kit.expireLapsed();
        assertThat(Compliance.builder(kit).build().report().findings()).isEmpty();
    }

    @Test
    void anAuditChainThatDoesNotVerifyIsFound() {
        give(clean(), "client-1");
        ConsentKit otherKey = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock).auditKey(ComplianceWorld.otherAuditKey()));

        // under another key neither the chain nor the ledger's digests verify
        assertThat(Compliance.builder(otherKey).build().report().findings()).extracting(Finding::check)
                .containsExactly("audit.chain", "audit.ledger");
        assertThat(Compliance.builder(otherKey).build().report().findings()).first().satisfies(f -> {
            assertThat(f.check()).isEqualTo("audit.chain");
            assertThat(f.target()).isEqualTo("audit chain at sequence 1");
            assertThat(f.problem()).contains("EDITED");
            assertThat(f.requirements()).contains("M21");
        });
    }

    @Test
    void dataKeysOlderThanTheRotationPeriodAreFoundPerGroupUntilRotated() {
        ConsentKit kit = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock));
        Compliance compliance = Compliance.builder(kit).keyRotationPeriod(Duration.ofDays(90)).build();
        Instant made = clock.instant();
        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-1")), KeyGroup.of("care"), 1, 11, KekId.of("kek-1"), new byte[] {1}, made));
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-2")), KeyGroup.of("care"), 1, 12, KekId.of("kek-1"), new byte[] {2}, made));
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-1")), KeyGroup.of("contact"), 1, 13, KekId.of("kek-1"), new byte[] {3},
                    made.plus(Duration.ofDays(30))));
            return null;
        });
        clock.advance(Duration.ofDays(90));

        assertThat(compliance.report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("key.rotation");
            assertThat(f.target()).isEqualTo("key group care");
            assertThat(f.problem()).startsWith("2 data keys of group care").contains("90 days").contains(made.toString());
        });

        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-1")), KeyGroup.of("care"), 2, 21, KekId.of("kek-1"), new byte[] {4},
                    clock.instant()));
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-2")), KeyGroup.of("care"), 2, 22, KekId.of("kek-1"), new byte[] {5},
                    clock.instant()));
            return null;
        });
        assertThat(compliance.report().findings()).isEmpty();
        clock.advance(Duration.ofDays(60));
        assertThat(compliance.report().findings()).extracting(Finding::target).containsExactly("key group contact");
    }

    @Test
    void aSensitiveCategoryWithoutEncryptionIsFoundUnlessTheReportIsToldWhatIsEncrypted() {
        ProcessingCatalogHolder h = new ProcessingCatalogHolder();
        ConsentKit kit = ConsentKit.builder().catalog(h.catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(ComplianceWorld.policy(h.catalog)).build();
        AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()).build();

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("category.encryption");
            assertThat(f.target()).isEqualTo("category health");
            assertThat(f.problem()).contains("no field protection is declared");
            assertThat(f.requirements()).contains("R-GDPR-12", "M11");
        });
        assertThat(Compliance.builder(ComplianceWorld.protect(kit)).build().report().findings()).isEmpty();
        ConsentKit emailOnly = ConsentKit.builder().catalog(h.catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(ComplianceWorld.policy(h.catalog)).build();
        AccessMonitoring.builder(emailOnly).policy(MonitoringPolicy.defaults()).build();
        KitContext.of(emailOnly).install(FieldProtector.class, new DescribedProtection(
                new dev.consentkit.core.spi.protection.ProtectionProfile("AES-256-GCM", "k", List.of(
                        new dev.consentkit.core.spi.protection.ProtectionProfile.Field("clients", "email", CategoryId.of("contact"),
                                KeyGroup.of("contact"))))));
        assertThat(Compliance.builder(emailOnly).build().report()
                .findings()).singleElement().extracting(Finding::problem).asString().contains("no protected field holds it");
    }

    @Test
    void aSensitiveCategoryWithoutAnAccessPolicyRequiringMfaIsFound() {
        ProcessingCatalogHolder h = new ProcessingCatalogHolder();
        ConsentKit kit = ConsentKit.builder().catalog(h.catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .build();
        ComplianceWorld.protect(kit);
        AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()).build();

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("category.mfa");
            assertThat(f.target()).isEqualTo("category health");
            assertThat(f.problem()).contains("second factor");
        });
    }

    @Test
    void monitoringOffIsFound() {
        ProcessingCatalogHolder h = new ProcessingCatalogHolder();
        ConsentKit kit = ConsentKit.builder().catalog(h.catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(ComplianceWorld.policy(h.catalog)).build();
        ComplianceWorld.protect(kit);

        assertThat(checks(Compliance.builder(kit).build().report())).containsExactly("monitoring.enabled");
    }

    @Test
    void monitoringAlertsNotAcknowledgedAreFoundUntilAcknowledged() {
        ConsentKit kit = ComplianceWorld.protect(ComplianceWorld.clean(storage, clock).build());
        AccessMonitoring monitoring = AccessMonitoring.builder(kit).policy(MonitoringPolicy.builder().maxOpens(2).build())
                .build();
        for (int i = 0; i < 3; i++) {
            open(kit, "client-" + i);
        }

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("monitoring.alerts");
            assertThat(f.problem()).startsWith("1 monitoring alert is not acknowledged").contains("OPENS_PER_WINDOW")
                    .contains(START);
            assertThat(f.requirements()).contains("R-RU-22");
        });

        MonitoringAlert alert = monitoring.unacknowledged(10).get(0);
        monitoring.acknowledge(alert.id(), Actor.operator("dpo"), "mailing list export, ticket 42");
        assertThat(Compliance.builder(kit).build().report().findings()).isEmpty();
    }

    @Test
    void subjectRequestsPastTheirDeadlineAreFoundUntilAnswered() {
        ConsentKit kit = clean();
        give(kit, "client-1");
        dev.consentkit.core.rights.SubjectRequest r = SubjectRights.builder(kit).build().receive(SubjectId.of("client-1"),
                dev.consentkit.core.jurisdiction.RequestType.ACCESS, Actor.operator("desk"));
        clock.set(r.currentDue());
        assertThat(Compliance.builder(kit).build().report().findings()).as("due, not yet past due").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("request.overdue");
            assertThat(f.target()).isEqualTo("ACCESS requests");
            assertThat(f.problem()).startsWith("1 ACCESS request is past due").contains(r.currentDue().toString())
                    .doesNotContain("client-1");
            assertThat(f.requirements()).contains("R-GDPR-13", "R-RU-10", "M12");
        });

        SubjectRights.builder(kit).build().verifyIdentity(r.id(), Actor.operator("desk"));
        SubjectRights.builder(kit).build().start(r.id(), Actor.operator("desk"));
        SubjectRights.builder(kit).build().complete(r.id(), "export sent", Actor.operator("desk"));
        assertThat(Compliance.builder(kit).build().report().findings()).isEmpty();
    }

    @Test
    void breachNotificationsPastTheirDeadlineAreFoundUntilSent() {
        ConsentKit kit = clean();
        dev.consentkit.core.register.BreachRegister breaches = dev.consentkit.core.register.BreachRegister.of(kit);
        dev.consentkit.core.register.BreachIncident b = breaches.record(clock.instant(), clock.instant(),
                dev.consentkit.core.register.BreachDetails.builder("Laptop with the order book stolen")
                        .categories(CategoryId.of("contact")).approximately(120, 340)
                        .likelyConsequences("Phishing e-mails to the clients").measuresTaken("Passwords reset")
                        .presumedCauses("Theft").contactPoint("privacy@studio-lumen.example")
                        .risk(dev.consentkit.core.register.BreachRisk.HIGH).build(),
                Actor.operator("desk"));
        clock.advance(Duration.ofHours(73));

        assertThat(Compliance.builder(kit).build().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("breach.notification_overdue");
            assertThat(f.target()).isEqualTo("breach " + b.id().value() + ", gdpr authority-notice");
            assertThat(f.problem()).contains("GDPR Art. 33(1)").doesNotContain("Laptop");
            assertThat(f.requirements()).contains("R-GDPR-21", "R-RU-19", "M23");
        });

        breaches.notifiedLate(b.id(), dev.consentkit.core.jurisdiction.Jurisdiction.GDPR, "authority-notice", clock.instant(),
                "DPA-2026-117", "the theft was reported to us late by the courier", Actor.operator("desk"));
        assertThat(Compliance.builder(kit).build().report().findings()).isEmpty();
    }

    @Test
    void dataPastItsRetentionIsFoundUntilTheEngineDisposesOfIt() {
        ConsentKit kit = clean();
        java.util.List<Integer> disposed = new java.util.ArrayList<>();
        dev.consentkit.core.retention.RetentionEngine engine = dev.consentkit.core.retention.RetentionEngine.builder(kit)
                .policy(dev.consentkit.core.retention.RetentionPolicy.builder(Fixtures.ORDERS, CategoryId.of("order"))
                        .afterEvent(java.time.Period.ofMonths(24), EventName.of("order.closed")).build())
                .target(CategoryId.of("order"), (batch, tx) -> {
                    disposed.add(batch.items().size());
                    return batch.items().size();
                })
                .build();
        engine.recordEvent(SubjectId.of("client-1"), EventName.of("order.closed"), clock.instant().minus(Duration.ofDays(1)));
        engine.recordEvent(SubjectId.of("client-2"), EventName.of("order.closed"), clock.instant());
        clock.advance(Duration.ofDays(2 * 366));

        assertThat(Compliance.builder(kit).check(ComplianceChecks.retentionDue(engine)).build().report().findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.check()).isEqualTo("retention.overdue");
                    assertThat(f.problem()).startsWith("2 records under retention policy").doesNotContain("client-");
                    assertThat(f.requirements()).contains("R-GDPR-3", "M15");
                });
        assertThat(Compliance.builder(kit).build().report().findings()).as("without the engine the kit cannot know").isEmpty();

        engine.run(Actor.system("nightly-retention"));
        assertThat(disposed).isNotEmpty();
        assertThat(Compliance.builder(kit).check(ComplianceChecks.retentionDue(engine)).build().report().findings()).isEmpty();
    }

    @Test
    void aHostCheckRunsAfterTheStandardOnesAndACheckThatThrowsBecomesAFinding() {
        ComplianceCheck policyPublished = new ComplianceCheck() {
            @Override
            public String id() {
                return "host.policy_published";
            }

            @Override
            public List<Finding> run(ComplianceContext context) {
                return context.kit().catalog().policyUrl().isPresent() ? List.of()
                        : List.of(new Finding(id(), List.of("R-RU-21"), Severity.MEDIUM, "privacy policy",
                        "The catalogue names no published privacy policy.", "Set policyUrl on the catalogue."));
            }
        };
        ComplianceCheck broken = new ComplianceCheck() {
            @Override
            public String id() {
                return "host.broken";
            }

            @Override
            public List<Finding> run(ComplianceContext context) {
                throw new IllegalStateException("client-77 not found");
            }
        };
        ConsentKit kit = ComplianceWorld.studio(ComplianceWorld.clean(storage, clock));

        ComplianceReport report = Compliance.builder(kit).check(policyPublished).check(broken).build().report();

        assertThat(report.checks()).endsWith("host.policy_published", "host.broken");
        assertThat(checks(report)).containsExactly("host.policy_published", "compliance.check_failed");
        assertThat(report.findings().get(1).problem()).contains("host.broken").contains("IllegalStateException")
                .doesNotContain("client-77");
    }

    @Test
    void aRunTakesProtectionAndChecksOnlyTheHostHasAtHand() {
        ProcessingCatalogHolder h = new ProcessingCatalogHolder();
        ConsentKit kit = ConsentKit.builder().catalog(h.catalog).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .accessPolicy(ComplianceWorld.policy(h.catalog)).build();
        AccessMonitoring.builder(kit).policy(MonitoringPolicy.defaults()).build();
        ComplianceCheck late = new ComplianceCheck() {
            @Override
            public String id() {
                return "host.late";
            }

            @Override
            public List<Finding> run(ComplianceContext context) {
                return List.of(new Finding(id(), List.of("M25"), Severity.LOW, "acts", "p", "f"));
            }
        };

        assertThat(checks(Compliance.builder(kit).build().report())).as("without field protection on the kit")
                .containsExactly("category.encryption");

        ComplianceWorld.protect(kit);
        ComplianceReport report = Compliance.builder(kit).check(late).build().report();

        assertThat(checks(report)).containsExactly("host.late");
        assertThat(report.checks()).last().isEqualTo("host.late");
        assertThat(checks(Compliance.builder(kit).build().report())).as("a check belongs to its compliance only")
                .isEmpty();
    }

    @Test
    void findingsAreValidated() {
        assertThatThrownBy(() -> new Finding("Retention", List.of("M1"), Severity.LOW, "t", "p", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check id");
        assertThatThrownBy(() -> new Finding("a.b", List.of(), Severity.LOW, "t", "p", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no requirement");
        assertThatThrownBy(() -> new Finding("a.b", List.of("GDPR-5"), Severity.LOW, "t", "p", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GDPR-5");
        assertThatThrownBy(() -> new Finding("a.b", List.of("M1"), Severity.LOW, "t", " ", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("problem");
        assertThatThrownBy(() -> Compliance.builder(clean()).keyRotationPeriod(Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rotation period");
    }

    /**
     * Golden files of a report with one finding of every standard check that a kit over one store can
     * show at once, as JSON and as Markdown.
     */
    @Test
    void theReportOfASeededStudioMatchesItsGoldenFiles() {
        give(clean(), "client-1");
        ConsentKit kit = ConsentKit.builder()
                .catalog(ComplianceWorld.catalog(ComplianceWorld.englishDropped(), false))
                .storage(storage).clock(clock).auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .build();
        AccessMonitoring.builder(kit).policy(MonitoringPolicy.builder().maxOpens(1).build()).build();
        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(new WrappedKey(kit.subjectRef(SubjectId.of("client-1")), KeyGroup.of("care"), 1, 7, KekId.of("kek-1"), new byte[] {1},
                    clock.instant()));
            return null;
        });
        open(kit, "client-1");
        open(kit, "client-2");
        SubjectRights.builder(kit).build().receive(SubjectId.of("client-1"), dev.consentkit.core.jurisdiction.RequestType.ERASURE,
                Actor.operator("desk"));
        String breach = dev.consentkit.core.register.BreachRegister.of(kit).record(clock.instant(), clock.instant(),
                dev.consentkit.core.register.BreachDetails.builder("Laptop stolen").categories(CategoryId.of("contact"))
                        .risk(dev.consentkit.core.register.BreachRisk.HIGH).build(), Actor.operator("desk"))
                .id().value();
        clock.advance(Duration.ofDays(400));

        ComplianceReport report = Compliance.builder(kit).keyRotationPeriod(Duration.ofDays(30)).build().report();

        assertThat(checks(report)).containsExactly("purpose.retention", "notice.current", "consent.outdated_notice",
                "consent.validity_lapsed", "key.rotation", "category.encryption", "category.mfa", "monitoring.alerts",
                "request.overdue", "breach.notification_overdue");
        // the breach id is random: the golden files hold a placeholder
        Golden.assertMatches("seeded-report.json", ComplianceJson.create().writeReport(report).replace(breach, "BREACH-ID"));
        Golden.assertMatches("seeded-report.md", report.toMarkdown().replace(breach, "BREACH-ID"));
    }

    private void open(ConsentKit kit, String subject) {
        AuditEvent e = new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MICROS), Actor.operator("anna"),
                MonitoringPolicy.FIELD_OPENED, Optional.of(kit.subjectRef(SubjectId.of(subject))),
                Optional.of(Fixtures.ORDERS), AuditOutcome.SUCCESS, Optional.of("clients.email"));
        KitContext.of(kit).storage().inTransaction(tx -> KitContext.of(kit).append(tx, e));
    }

    /** The clean catalogue, once per test. */
    private static final class ProcessingCatalogHolder {
        final dev.consentkit.core.purpose.ProcessingCatalog catalog =
                ComplianceWorld.catalog(ComplianceWorld.notice(), true);
    }
}
