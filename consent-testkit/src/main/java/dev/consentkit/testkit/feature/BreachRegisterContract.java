package dev.consentkit.testkit.feature;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.DescribedProtection;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.register.AffectedSubjects;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachId;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachNotification;
import dev.consentkit.core.register.BreachRefusedException;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.BreachRisk;
import dev.consentkit.core.register.NotificationStatus;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.context.KitContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The breach register (M23, M24; R-GDPR-21, R-GDPR-22, R-RU-19) as scenarios through the public API, for
 * every storage adapter: an adapter's test extends this class and implements {@link #createStorage()}.
 * Each refusal is checked to store nothing and to write no audit event.
 *
 * <p><b>Covers</b> the breach register end to end: {@code BreachStore} with the consent ports. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports and {@code BreachStore}, for every test.
 */
public abstract class BreachRegisterContract {
    /** Friday 27 November 2026, 18:00 UTC. */
    static final Instant FRIDAY_18 = Instant.parse("2026-11-27T18:00:00Z");
    static final List<Jurisdiction> BOTH = List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ);
    static final Actor DESK = Actor.operator("breach-desk");
    static final String SECRET_TEXT = "Client Ivanova's passport scan leaked";

    private MutableClock clock;
    private ConsentStorage storage;
    private ConsentKit kit;
    private BreachRegister breaches;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createKit() {
        clock = new MutableClock(FRIDAY_18.plus(Duration.ofMinutes(5)));
        storage = createStorage();
        kit = Fixtures.kit(storage, clock);
        breaches = BreachRegister.of(kit);
    }

    static BreachDetails complete() {
        return BreachDetails.builder(SECRET_TEXT)
                .categories(CategoryId.of("contact"), CategoryId.of("order"))
                .purposes(ORDERS)
                .approximately(120, 340)
                .likelyConsequences("Phishing e-mails to the clients")
                .measuresTaken("Passwords reset; the mailbox closed")
                .presumedCauses("A phished staff password")
                .contactPoint("privacy@studio-lumen.example")
                .risk(BreachRisk.HIGH)
                .build();
    }

    private BreachIncident recordFridayEvening(BreachDetails details) {
        return breaches.record(FRIDAY_18, FRIDAY_18, details, BOTH, DESK);
    }

    private List<AuditRecord> audit() {
        return AuditTrail.of(kit).records(1, 10_000);
    }

    /** The step is refused for the reason, and neither the register nor the audit chain changes. */
    private void assertRefused(BreachRefusedException.Reason reason, ThrowableAssert.ThrowingCallable step,
                               String... messageParts) {
        List<BreachIncident> before = breaches.list();
        List<List<BreachNotification>> sent = before.stream().map(b -> breaches.notifications(b.id())).toList();
        int audited = audit().size();

        assertThatThrownBy(step).isInstanceOfSatisfying(BreachRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContainingAll(messageParts)
                .message().doesNotContain(SECRET_TEXT);

        assertThat(breaches.list()).isEqualTo(before);
        assertThat(before.stream().map(b -> breaches.notifications(b.id())).toList()).isEqualTo(sent);
        assertThat(audit()).hasSize(audited);
    }

    // ---- the Friday-evening breach (M23) ---------------------------------------------------------

    @Test
    void aBreachOnFridayEveningRunsBothJurisdictionsClocksThroughTheWeekend_M23() {
        BreachIncident b = recordFridayEvening(complete());

        assertThat(breaches.status(b.id())).extracting(s -> s.deadline().jurisdiction() + "/" + s.deadline().clock()
                        + " " + s.deadline().dueAt() + " " + s.state())
                .containsExactly(
                        "ru_152fz/initial-notice 2026-11-28T18:00:00Z PENDING",
                        "gdpr/authority-notice 2026-11-30T18:00:00Z PENDING",
                        "ru_152fz/investigation-results 2026-11-30T18:00:00Z PENDING");
        assertThat(breaches.overdue()).isEmpty();

        clock.set(Instant.parse("2026-11-28T18:00:00.000001Z"));
        assertThat(breaches.overdue()).extracting(s -> s.deadline().clock()).containsExactly("initial-notice");

        clock.set(Instant.parse("2026-11-30T19:00:00Z"));
        assertThat(breaches.overdue()).extracting(s -> s.deadline().clock())
                .containsExactly("initial-notice", "authority-notice", "investigation-results");
        assertThat(breaches.overdue()).allSatisfy(s -> {
            assertThat(s.breach()).isEqualTo(b.id());
            assertThat(s.isOverdue()).isTrue();
            assertThat(s.notification()).isEmpty();
        });
    }

    @Test
    void notificationsOnTimeAndLateAreRecordedAndLeaveTheOverdueList_M23() {
        BreachIncident b = recordFridayEvening(complete().toBuilder().investigationResults("Staff account phished").build());
        clock.set(Instant.parse("2026-11-28T10:00:00Z"));
        BreachNotification ru = breaches.notified(b.id(), Jurisdiction.RU_152FZ, "initial-notice",
                Instant.parse("2026-11-28T09:00:00Z"), "RKN-2026-0042", DESK);
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        BreachNotification gdpr = breaches.notifiedLate(b.id(), Jurisdiction.GDPR, "authority-notice",
                Instant.parse("2026-12-01T08:00:00Z"), "DPA-17", "The processor reported the scope on Monday night", DESK);

        assertThat(ru.delayReason()).isEmpty();
        assertThat(gdpr.delayReason()).contains("The processor reported the scope on Monday night");
        assertThat(breaches.notifications(b.id())).containsExactly(ru, gdpr);
        assertThat(breaches.status(b.id())).extracting(NotificationStatus::state).containsExactly(
                NotificationStatus.State.NOTIFIED_ON_TIME, NotificationStatus.State.NOTIFIED_LATE,
                NotificationStatus.State.OVERDUE);
        assertThat(breaches.overdue()).extracting(s -> s.deadline().clock()).containsExactly("investigation-results");
    }

    @Test
    void theRussianClocksStartAtDetectionTheGdprClockAtAwareness_M23() {
        Instant detected = FRIDAY_18.minus(Duration.ofHours(8));

        BreachIncident b = breaches.record(detected, FRIDAY_18, complete(), BOTH, DESK);

        assertThat(b.deadline("ru_152fz", "initial-notice").orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(b.deadline("ru_152fz", "investigation-results").orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(b.deadline("gdpr", "authority-notice").orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-11-30T18:00:00Z"));
    }

    @Test
    void aBreachRecordedWithoutJurisdictionsUsesTheKits() {
        BreachIncident b = breaches.record(FRIDAY_18, FRIDAY_18, complete(), DESK);

        assertThat(b.deadlines()).extracting(d -> d.jurisdiction() + "/" + d.clock())
                .containsExactly("gdpr/authority-notice");
        assertThat(breaches.find(b.id())).contains(b);
        assertThat(breaches.list()).containsExactly(b);
    }

    // ---- refusals --------------------------------------------------------------------------------

    @Test
    void aLateGdprNotificationWithoutADelayReasonIsRefused_M23() {
        BreachIncident b = recordFridayEvening(complete());
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));

        assertRefused(BreachRefusedException.Reason.DELAY_REASON_REQUIRED, () -> breaches.notified(b.id(),
                Jurisdiction.GDPR, "authority-notice", Instant.parse("2026-11-30T18:00:00.000001Z"), "DPA-17", DESK),
                "gdpr/authority-notice", "2026-11-30T18:00:00Z", "GDPR Art. 33(1)", "reason for the delay");
    }

    @Test
    void aNotificationExactlyAtTheDeadlineIsOnTimeAndADelayReasonForItIsRefused() {
        BreachIncident b = recordFridayEvening(complete());
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        Instant due = Instant.parse("2026-11-30T18:00:00Z");

        assertRefused(BreachRefusedException.Reason.NOT_LATE, () -> breaches.notifiedLate(b.id(), Jurisdiction.GDPR,
                "authority-notice", due, "DPA-17", "no reason", DESK), "by the deadline");
        BreachNotification n = breaches.notified(b.id(), Jurisdiction.GDPR, "authority-notice", due, "DPA-17", DESK);

        assertThat(n.delayReason()).isEmpty();
        assertThat(breaches.status(b.id())).filteredOn(s -> s.deadline().clock().equals("authority-notice"))
                .extracting(NotificationStatus::state).containsExactly(NotificationStatus.State.NOTIFIED_ON_TIME);
    }

    @Test
    void aRecordWithoutTheFieldsANotificationNeedsCannotBeMarkedNotified_M23() {
        BreachIncident b = recordFridayEvening(BreachDetails.builder(SECRET_TEXT).build());

        assertRefused(BreachRefusedException.Reason.CONTENT_MISSING, () -> breaches.notified(b.id(), Jurisdiction.GDPR,
                "authority-notice", FRIDAY_18, "DPA-17", DESK), "gdpr/authority-notice", "cannot be marked notified",
                "categories, approxSubjects, approxRecords, likelyConsequences, measuresTaken, contactPoint");
        assertRefused(BreachRefusedException.Reason.CONTENT_MISSING, () -> breaches.notified(b.id(),
                Jurisdiction.RU_152FZ, "initial-notice", FRIDAY_18, "RKN-1", DESK),
                "ru_152fz/initial-notice", "presumedCauses, approxSubjects");
        BreachIncident updated = breaches.update(b.id(), complete(), DESK);
        assertRefused(BreachRefusedException.Reason.CONTENT_MISSING, () -> breaches.notified(b.id(),
                Jurisdiction.RU_152FZ, "investigation-results", FRIDAY_18, "RKN-1", DESK), "investigationResults");

        assertThat(updated.revision()).isEqualTo(2);
        assertThat(breaches.notified(b.id(), Jurisdiction.GDPR, "authority-notice", FRIDAY_18, "DPA-17", DESK)
                .reference()).isEqualTo("DPA-17");
    }

    @Test
    void timesOutOfOrderAreRefused_M23() {
        assertRefused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER, () -> breaches.record(FRIDAY_18,
                FRIDAY_18.minusSeconds(1), complete(), BOTH, DESK), "awareness lies before detection");
        assertRefused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER, () -> breaches.record(FRIDAY_18,
                FRIDAY_18.plus(Duration.ofMinutes(6)), complete(), BOTH, DESK), "in the future");
        BreachIncident b = breaches.record(FRIDAY_18.minusSeconds(60), FRIDAY_18, complete(), BOTH, DESK);

        assertRefused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER, () -> breaches.notified(b.id(), Jurisdiction.GDPR,
                "authority-notice", FRIDAY_18.minusSeconds(61), "DPA-17", DESK), "sent before the breach was detected");
        assertRefused(BreachRefusedException.Reason.TIME_OUT_OF_ORDER, () -> breaches.notified(b.id(), Jurisdiction.GDPR,
                "authority-notice", clock.instant().plusSeconds(1), "DPA-17", DESK), "sent in the future");
    }

    @Test
    void unknownBreachesAndClocksAndSecondNotificationsAreRefused() {
        BreachIncident b = breaches.record(FRIDAY_18, FRIDAY_18, complete(), DESK);
        breaches.notified(b.id(), Jurisdiction.GDPR, "authority-notice", FRIDAY_18, "DPA-17", DESK);

        assertRefused(BreachRefusedException.Reason.UNKNOWN_CLOCK, () -> breaches.notified(b.id(),
                Jurisdiction.RU_152FZ, "initial-notice", FRIDAY_18, "RKN-1", DESK), "ru_152fz/initial-notice");
        assertRefused(BreachRefusedException.Reason.ALREADY_NOTIFIED, () -> breaches.notified(b.id(), Jurisdiction.GDPR,
                "authority-notice", FRIDAY_18, "DPA-18", DESK), "already notified");
        BreachId unknown = BreachId.random();
        assertRefused(BreachRefusedException.Reason.UNKNOWN_BREACH, () -> breaches.notified(unknown, Jurisdiction.GDPR,
                "authority-notice", FRIDAY_18, "DPA-17", DESK), unknown.value());
        assertRefused(BreachRefusedException.Reason.UNKNOWN_BREACH, () -> breaches.update(unknown, complete(), DESK),
                unknown.value());
        assertRefused(BreachRefusedException.Reason.UNKNOWN_BREACH, () -> breaches.status(unknown), unknown.value());
    }

    @Test
    void undeclaredCategoriesAndPurposesAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> breaches.record(FRIDAY_18, FRIDAY_18,
                complete().toBuilder().categories(CategoryId.of("health")).build(), DESK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'health'");
        assertThatThrownBy(() -> breaches.record(FRIDAY_18, FRIDAY_18,
                complete().toBuilder().purposes(dev.consentkit.core.PurposeId.of("astrology")).build(), DESK))
                .isInstanceOf(dev.consentkit.core.purpose.UnknownPurposeException.class);

        assertThat(breaches.list()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    // ---- audit -----------------------------------------------------------------------------------

    @Test
    void everyStepIsAuditedByBreachIdWithoutPersonalData() {
        BreachIncident b = recordFridayEvening(complete());
        breaches.update(b.id(), complete().toBuilder().investigationResults("Phished password").build(), DESK);
        breaches.notified(b.id(), Jurisdiction.RU_152FZ, "initial-notice", FRIDAY_18, "RKN-1", DESK);
        breaches.affectedSubjects(b.id(), List.of(), DESK);

        List<AuditRecord> records = audit();
        assertThat(records).extracting(r -> r.event().action()).containsExactly(BreachRegister.BREACH_RECORDED,
                BreachRegister.BREACH_UPDATED, BreachRegister.BREACH_NOTIFIED, BreachRegister.BREACH_SUBJECTS_LISTED);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.event().reference()).contains(b.id().value());
            assertThat(r.event().subjectRef()).isEmpty();
            assertThat(r.event().actor()).isEqualTo(DESK);
            assertThat(r.toString()).doesNotContain("Ivanova", "Phished", "phished");
        });
        assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        assertThat(b.toString() + b.details() + breaches.notifications(b.id())).doesNotContain("Ivanova", "Phishing");
    }

    // ---- affected subjects (M24) -----------------------------------------------------------------

    private void giveNewsletter(String subject) {
        kit.consent(SubjectId.of(subject), NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .give();
    }

    @Test
    void affectedSubjectsAreThoseKnownForAnAffectedPurposeAndThoseTheHostNames_M24() {
        giveNewsletter("client-b");
        giveNewsletter("client-a");
        kit.consent(SubjectId.of("client-a"), NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .withdraw();
        kit.consent(SubjectId.of("client-p"), Fixtures.PORTFOLIO)
                .evidence(kit.evidence(CollectionMethod.PAPER_FORM).build()).give();
        BreachIncident b = breaches.record(FRIDAY_18, FRIDAY_18, BreachDetails.builder("Mailbox export leaked")
                .categories(CategoryId.of("contact")).risk(BreachRisk.HIGH).build(), DESK);

        AffectedSubjects affected = breaches.affectedSubjects(b.id(), List.of(SubjectId.of("client-c"),
                SubjectId.of("client-b")), DESK);

        // contact is processed by the newsletter and order fulfilment; the portfolio client is not affected
        assertThat(affected.purposes()).containsExactlyInAnyOrder(NEWSLETTER, ORDERS);
        assertThat(affected.subjects()).containsExactly(SubjectId.of("client-a"), SubjectId.of("client-b"),
                SubjectId.of("client-c"));
        assertThat(affected.noticeRequired()).isTrue();
        assertThat(affected.basis()).contains("Art. 34(1)");
    }

    @Test
    void dataEncryptedUnderUncompromisedKeysLiftsTheDutyToTellTheSubjects_M24() {
        giveNewsletter("client-a");
        ProtectionProfile profile = new ProtectionProfile("AES-256-GCM", "per-subject data keys", List.of(
                new ProtectionProfile.Field("client", "email", CategoryId.of("contact"), KeyGroup.of("contact"))));
        ConsentKit protectedKit = ConsentKit.builder().catalog(kit.catalog()).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        KitContext.of(protectedKit).install(FieldProtector.class, new DescribedProtection(profile));
        BreachRegister protectedRegister = BreachRegister.of(protectedKit);
        BreachIncident encrypted = protectedRegister.record(FRIDAY_18, FRIDAY_18, BreachDetails.builder("Backup stolen")
                .categories(CategoryId.of("contact")).risk(BreachRisk.HIGH).encryptedWithUncompromisedKeys(true).build(), DESK);
        BreachIncident plain = protectedRegister.record(FRIDAY_18, FRIDAY_18, BreachDetails.builder("Backup stolen")
                .categories(CategoryId.of("contact")).risk(BreachRisk.HIGH).build(), DESK);

        AffectedSubjects exempt = protectedRegister.affectedSubjects(encrypted.id(), List.of(), DESK);
        AffectedSubjects toTell = protectedRegister.affectedSubjects(plain.id(), List.of(), DESK);

        assertThat(exempt.noticeRequired()).isFalse();
        assertThat(exempt.basis()).contains("Art. 34(3)(a)");
        assertThat(exempt.subjects()).containsExactly(SubjectId.of("client-a"));
        assertThat(toTell.noticeRequired()).isTrue();
        assertThat(toTell.subjects()).containsExactly(SubjectId.of("client-a"));
        assertRefused(BreachRefusedException.Reason.ENCRYPTION_NOT_DECLARED, () -> protectedRegister.record(FRIDAY_18,
                FRIDAY_18, BreachDetails.builder("Backup stolen").categories(CategoryId.of("contact"), CategoryId.of("order"))
                        .encryptedWithUncompromisedKeys(true).build(), DESK), "'order'", "no encrypted field");
        assertRefused(BreachRefusedException.Reason.ENCRYPTION_NOT_DECLARED, () -> protectedRegister.update(plain.id(),
                BreachDetails.builder("Backup stolen").categories(CategoryId.of("order")).encryptedWithUncompromisedKeys(true).build(),
                DESK), plain.id().value());
    }

    @Test
    void aBreachWhoseRiskIsNotHighNeedsNoNoticeToSubjects() {
        giveNewsletter("client-a");
        BreachIncident b = breaches.record(FRIDAY_18, FRIDAY_18, BreachDetails.builder("Misaddressed e-mail")
                .purposes(NEWSLETTER).risk(BreachRisk.RISK).build(), DESK);

        AffectedSubjects affected = breaches.affectedSubjects(b.id(), List.of(), DESK);

        assertThat(affected.noticeRequired()).isFalse();
        assertThat(affected.basis()).contains("not high");
        assertThat(affected.subjects()).containsExactly(SubjectId.of("client-a"));
        assertThat(affected.purposes()).containsExactly(NEWSLETTER);
    }

    @Test
    void anUpdateKeepsTheTimesAndDeadlinesAndCountsTheRevision() {
        BreachIncident b = recordFridayEvening(BreachDetails.builder(SECRET_TEXT).build());
        clock.advance(Duration.ofHours(3));

        BreachIncident updated = breaches.update(b.id(), complete(), DESK);

        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.deadlines()).isEqualTo(b.deadlines());
        assertThat(updated.awareAt()).isEqualTo(b.awareAt());
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(breaches.find(b.id())).contains(updated);
        assertThat(audit()).extracting(r -> r.event().action().code()).containsExactly("breach.recorded", "breach.updated");
    }
}
