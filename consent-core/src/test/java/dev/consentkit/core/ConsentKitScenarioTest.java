package dev.consentkit.core;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_RU;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consent life cycle as a host uses it. */
class ConsentKitScenarioTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final ConsentKit kit = Fixtures.kit(storage, clock);
    private final SubjectId anna = SubjectId.of("client-1001");

    private LedgerEntry giveNewsletter(SubjectId subject) {
        return kit.consent(subject, NEWSLETTER)
                .locale(RU)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3")
                        .ipAddress("203.0.113.7").userAgent("Firefox/140").build())
                .give();
    }

    @Test
    void givenConsentIsProvenAndPermits_M4() {
        LedgerEntry entry = giveNewsletter(anna);

        ConsentEvent event = entry.event();
        assertThat(event.kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
        assertThat(event.notice()).get().satisfies(n -> {
            assertThat(n.version()).isEqualTo(new NoticeVersion(1, 1));
            assertThat(n.locale()).isEqualTo(RU);
            assertThat(n.textSha256()).isEqualTo(Notice.sha256Hex(NEWSLETTER_RU));
        });
        assertThat(event.evidence().ipHash()).isPresent();
        assertThat(event.evidence().toString()).doesNotContain("203.0.113.7").doesNotContain("Firefox");
        assertThat(event.validUntil()).contains(clock.instant().plus(Duration.ofDays(365)));

        Decision decision = kit.check(anna, NEWSLETTER);
        assertThat(decision).isInstanceOfSatisfying(Decision.Permitted.class, p -> {
            assertThat(p.basis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(p.since()).contains(clock.instant());
            assertThat(p.notice()).isEqualTo(event.notice());
        });
    }

    @Test
    void withdrawalIsOneCallAndDeniesAtOnce_M6() {
        giveNewsletter(anna);
        clock.advance(Duration.ofSeconds(1));
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();

        assertThat(kit.check(anna, NEWSLETTER)).isEqualTo(
                new Decision.Denied(ConsentScope.of(anna, NEWSLETTER), DenialReason.WITHDRAWN));
    }

    @Test
    void channelWithdrawalLeavesOtherChannels() {
        giveNewsletter(anna);
        kit.consent(anna, NEWSLETTER).channel(Channel.SMS).evidence(kit.evidence(CollectionMethod.PHONE_CALL)
                .recordedBy(Actor.operator("desk-2")).build()).withdraw();

        assertThat(kit.check(ConsentScope.of(anna, NEWSLETTER).withChannel(Channel.EMAIL)).isPermitted()).isTrue();
        assertThat(kit.check(ConsentScope.of(anna, NEWSLETTER).withChannel(Channel.SMS)))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.WITHDRAWN));
    }

    @Test
    void consentLapsesAfterItsValidityPeriod_M7() {
        giveNewsletter(anna);
        clock.advance(Duration.ofDays(366));

        assertThat(kit.check(anna, NEWSLETTER)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.EXPIRED));
        List<LedgerEntry> expired = kit.expireLapsed();
        assertThat(expired).singleElement().satisfies(e -> assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.EXPIRED));
        assertThat(kit.expireLapsed()).isEmpty();
    }

    @Test
    void majorNoticeChangeInvalidatesMinorDoesNot_M7() {
        giveNewsletter(anna);
        Notice v2 = Notice.builder(Fixtures.NEWSLETTER_NOTICE)
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN))
                .version("1.2", LocalizedText.of(RU, NEWSLETTER_RU + " ").and(EN, NEWSLETTER_EN))
                .build();
        ConsentKit minor = ConsentKit.builder().catalog(Fixtures.catalog(v2)).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        assertThat(minor.check(anna, NEWSLETTER).isPermitted()).isTrue();

        Notice major = Notice.builder(Fixtures.NEWSLETTER_NOTICE)
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN))
                .version("2.0", LocalizedText.of(RU, "Я согласен получать новости и акции, в том числе от партнёров.")
                        .and(EN, "I agree to receive news and offers, also from partners."))
                .build();
        ConsentKit changed = ConsentKit.builder().catalog(Fixtures.catalog(major)).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        assertThat(changed.check(anna, NEWSLETTER)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.NOTICE_OUTDATED));
        assertThat(changed.invalidateOutdated()).hasSize(1);
        assertThat(changed.check(anna, NEWSLETTER)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.INVALIDATED));
    }

    @Test
    void nonConsentBasesArePermittedUnlessRestrictedOrObjected_M3() {
        assertThat(kit.check(anna, ORDERS)).isInstanceOfSatisfying(Decision.Permitted.class,
                p -> assertThat(p.basis()).isEqualTo(LegalBasis.CONTRACT));
        kit.restrict(anna, ORDERS, Actor.operator("dpo"));
        assertThat(kit.check(anna, ORDERS)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.RESTRICTED));
        kit.liftRestriction(anna, ORDERS, Actor.operator("dpo"));
        assertThat(kit.check(anna, ORDERS).isPermitted()).isTrue();
        kit.object(anna, INVOICES, Actor.subject());
        assertThat(kit.check(anna, INVOICES)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.OBJECTED));
    }

    @Test
    void suppressedContactIsDeniedEvenUnderANewSubject_M18() {
        kit.suppress(ContactPoint.email("Anna@Example.org "), NEWSLETTER, Actor.subject());
        SubjectId recreated = SubjectId.of("client-2002");
        giveNewsletter(recreated);

        assertThat(kit.check(ConsentScope.of(recreated, NEWSLETTER), ContactPoint.email("anna@example.org")))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.SUPPRESSED));
        assertThat(kit.check(ConsentScope.of(recreated, NEWSLETTER), ContactPoint.email("other@example.org")).isPermitted())
                .isTrue();
    }

    @Test
    void portfolioConsentIsPerAsset() {
        kit.consent(anna, PORTFOLIO).asset(AssetId.of("project-42"))
                .evidence(kit.evidence(CollectionMethod.PAPER_FORM).recordedBy(Actor.operator("desk-1"))
                        .attachment("scans/2026/03/form-17.pdf").build())
                .give();

        assertThat(kit.check(ConsentScope.of(anna, PORTFOLIO).withAsset(AssetId.of("project-42"))).isPermitted()).isTrue();
        assertThat(kit.check(ConsentScope.of(anna, PORTFOLIO).withAsset(AssetId.of("project-43"))))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.NEVER_GIVEN));
    }

    @Test
    void bulkCheckAnswersForEverySubjectInOrder() {
        SubjectId bob = SubjectId.of("client-1002");
        SubjectId cleo = SubjectId.of("client-1003");
        giveNewsletter(anna);
        giveNewsletter(cleo);
        kit.consent(cleo, NEWSLETTER).channel(Channel.EMAIL).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .withdraw();

        Map<SubjectId, Decision> decisions = kit.checkAll(List.of(anna, bob, cleo), NEWSLETTER, Channel.EMAIL);

        assertThat(decisions).containsOnlyKeys(anna, bob, cleo);
        assertThat(decisions.keySet()).containsExactly(anna, bob, cleo);
        assertThat(decisions.get(anna).isPermitted()).isTrue();
        assertThat(((Decision.Denied) decisions.get(bob)).reason()).isEqualTo(DenialReason.NEVER_GIVEN);
        assertThat(((Decision.Denied) decisions.get(cleo)).reason()).isEqualTo(DenialReason.WITHDRAWN);
    }

    @Test
    void everyMutationIsAuditedAndTheChainVerifies_M21() {
        giveNewsletter(anna);
        kit.restrict(anna, ORDERS, Actor.operator("dpo"));
        kit.suppress(ContactPoint.phone("+7 912 345-67-89"), NEWSLETTER, Actor.subject());

        assertThat(AuditTrail.of(kit).records(1, 100)).extracting(r -> r.event().action().code())
                .containsExactly("consent.given", "processing.restricted", "suppression.added");
        assertThat(AuditTrail.of(kit).records(1, 100)).allSatisfy(r ->
                assertThat(r.event().subjectRef().map(KeyedHash::value).orElse("")).doesNotContain("client-1001"));
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void audienceOfAPurposeStreamsEveryPermittedSubjectOnce() {
        SubjectId bob = SubjectId.of("client-1002");
        SubjectId cleo = SubjectId.of("client-1003");
        SubjectId dan = SubjectId.of("client-1004");
        giveNewsletter(anna);
        giveNewsletter(bob);
        kit.consent(bob, NEWSLETTER).channel(Channel.SMS).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .withdraw();
        giveNewsletter(cleo);
        kit.consent(cleo, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        kit.consent(dan, NEWSLETTER).channel(Channel.SMS).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build())
                .give();

        java.util.List<SubjectId> any = new java.util.ArrayList<>();
        kit.forEachPermitted(NEWSLETTER, any::add);
        java.util.List<SubjectId> sms = new java.util.ArrayList<>();
        kit.forEachPermitted(NEWSLETTER, Channel.SMS, sms::add);

        assertThat(any).containsExactlyInAnyOrder(anna, bob);
        assertThat(sms).containsExactlyInAnyOrder(anna, dan);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kit.forEachPermitted(ORDERS, any::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONTRACT");
    }
}
