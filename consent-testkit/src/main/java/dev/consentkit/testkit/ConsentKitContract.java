package dev.consentkit.testkit;

import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.FailingAuditStorage;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.EN;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_EN;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER_RU;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static dev.consentkit.testkit.fixtures.Fixtures.RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentCapture;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyConflictException;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.consent.NothingToWithdrawException;
import dev.consentkit.core.purpose.LegalBasis;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ConsentKit facade end to end over a storage adapter: giving, checking and withdrawing consent
 * in every scope, restriction and objection, suppression, the expiry and notice sweeps, bulk checks,
 * idempotent capture, and concurrent writers. An adapter's test extends this class and implements
 * {@link #createStorage()}.
 *
 * <p>Every test ends by checking the invariants that hold whatever happened: the stored projection
 * equals a replay of the whole ledger, every ledger event has exactly one audit record, and the audit
 * chain verifies intact.
 *
 * <p><b>Covers</b> every consent port at once, through {@code ConsentKit} and {@code AuditTrail}, with concurrent writers. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports, for every test.
 */
public abstract class ConsentKitContract {
    private static final Duration CONCURRENCY_TIMEOUT = Duration.ofSeconds(60);
    private static final int THREADS = 8;
    private static final int OPS_PER_THREAD = 50;
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final SubjectId BOB = SubjectId.of("client-1002");
    private static final SubjectId PYOTR = SubjectId.of("клиент-Пётр-😀");

    private ConsentStorage storage;
    private MutableClock clock;
    private ConsentKit kit;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store; it may share nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    /**
     * Creates the clock of the kit under test. Called once before every test, after
     * {@link #createStorage()}; tests move it forward only.
     *
     * @return a clock; by default one at 2026-03-02T10:00:00.123456789Z, with nanoseconds that the
     *         kit cuts to microseconds before any store sees them, as
     *         {@link java.time.Clock#systemUTC()} may give them
     */
    protected MutableClock createClock() {
        return MutableClock.at("2026-03-02T10:00:00.123456789Z");
    }

    @BeforeEach
    final void createKitUnderTest() {
        storage = createStorage();
        clock = createClock();
        kit = Fixtures.kit(storage, clock);
    }

    // ---- giving, checking, withdrawing --------------------------------------------------------

    @Test
    void givenConsentIsStoredWithItsProofAndPermits_M4() {
        LedgerEntry entry = kit.consent(PYOTR, NEWSLETTER).locale(RU).idempotencyKey("signup-1")
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3").ipAddress("203.0.113.7")
                        .userAgent("Firefox/140").build())
                .give();

        ConsentEvent event = entry.event();
        assertThat(event.notice()).get().satisfies(n -> {
            assertThat(n.version()).isEqualTo(new NoticeVersion(1, 1));
            assertThat(n.locale()).isEqualTo(RU);
            assertThat(n.textSha256()).isEqualTo(Notice.sha256Hex(NEWSLETTER_RU));
        });
        assertThat(event.validUntil()).contains(plusMonths(now(), 12));
        assertThat(kit.history(PYOTR).entries()).containsExactly(entry);
        assertThat(kit.check(PYOTR, NEWSLETTER)).isEqualTo(new Decision.Permitted(ConsentScope.of(PYOTR, NEWSLETTER),
                LegalBasis.CONSENT, Optional.of(event.occurredAt()), event.notice()));
        assertConsistent();
    }

    @Test
    void withdrawalIsOneCallDeniesAtOnceAndCannotBeRepeated_M6() {
        giveNewsletter(ANNA);
        clock.advance(Duration.ofSeconds(1));
        LedgerEntry withdrawal = kit.consent(ANNA, NEWSLETTER).evidence(webCheckbox()).withdraw();
        StorageSnapshot afterWithdrawal = StorageSnapshot.of(storage);

        assertThat(kit.check(ANNA, NEWSLETTER))
                .isEqualTo(new Decision.Denied(ConsentScope.of(ANNA, NEWSLETTER), DenialReason.WITHDRAWN));
        assertThat(kit.history(ANNA).entries()).extracting(e -> e.event().kind())
                .containsExactly(ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN);
        assertThat(kit.history(ANNA).entries()).last().isEqualTo(withdrawal);
        assertThatThrownBy(() -> kit.consent(ANNA, NEWSLETTER).evidence(webCheckbox()).withdraw())
                .isInstanceOf(NothingToWithdrawException.class);
        assertThat(StorageSnapshot.of(storage)).isEqualTo(afterWithdrawal);
        assertConsistent();
    }

    @Test
    void aChannelNarrowsWhatIsGivenAndWhatIsWithdrawn() {
        giveNewsletter(ANNA);
        kit.consent(ANNA, NEWSLETTER).channel(Channel.SMS)
                .evidence(kit.evidence(CollectionMethod.PHONE_CALL).recordedBy(Actor.operator("desk-2")).build())
                .withdraw();
        kit.consent(BOB, NEWSLETTER).channel(Channel.EMAIL).evidence(webCheckbox()).give();

        ConsentScope anna = ConsentScope.of(ANNA, NEWSLETTER);
        ConsentScope bob = ConsentScope.of(BOB, NEWSLETTER);
        assertThat(kit.check(anna).isPermitted()).isTrue();
        assertThat(kit.check(anna.withChannel(Channel.EMAIL)).isPermitted()).isTrue();
        assertThat(reason(kit.check(anna.withChannel(Channel.SMS)))).isEqualTo(DenialReason.WITHDRAWN);
        assertThat(kit.check(bob.withChannel(Channel.EMAIL)).isPermitted()).isTrue();
        assertThat(reason(kit.check(bob))).as("e-mail only is not the whole purpose").isEqualTo(DenialReason.NEVER_GIVEN);
        assertThat(reason(kit.check(bob.withChannel(Channel.SMS)))).isEqualTo(DenialReason.NEVER_GIVEN);
        assertConsistent();
    }

    @Test
    void portfolioConsentIsPerAssetAndAWholePurposeWithdrawalEndsEveryAsset_M4() {
        ConsentScope whole = ConsentScope.of(ANNA, PORTFOLIO);
        AssetId p42 = AssetId.of("project-42");
        AssetId p43 = AssetId.of("проект-43 😀");
        for (AssetId asset : List.of(p42, p43)) {
            kit.consent(ANNA, PORTFOLIO).asset(asset)
                    .evidence(kit.evidence(CollectionMethod.PAPER_FORM).recordedBy(Actor.operator("desk-1"))
                            .attachment("scans/2026/03/form-" + asset + ".pdf").build())
                    .give();
        }

        assertThat(kit.check(whole.withAsset(p42)).isPermitted()).isTrue();
        assertThat(kit.check(whole.withAsset(p43)).isPermitted()).isTrue();
        assertThat(reason(kit.check(whole.withAsset(AssetId.of("project-44"))))).isEqualTo(DenialReason.NEVER_GIVEN);

        clock.advance(Duration.ofMinutes(1));
        kit.consent(ANNA, PORTFOLIO).evidence(webCheckbox()).withdraw();

        assertThat(reason(kit.check(whole.withAsset(p42)))).isEqualTo(DenialReason.WITHDRAWN);
        assertThat(reason(kit.check(whole.withAsset(p43)))).isEqualTo(DenialReason.WITHDRAWN);
        assertConsistent();
    }

    // ---- restriction, objection, suppression ---------------------------------------------------

    @Test
    void restrictionAndObjectionDenyWhateverTheBasisUntilLifted() {
        giveNewsletter(ANNA);
        assertThat(kit.check(ANNA, ORDERS)).isInstanceOfSatisfying(Decision.Permitted.class,
                p -> assertThat(p.basis()).isEqualTo(LegalBasis.CONTRACT));

        kit.restrict(ANNA, ORDERS, Actor.operator("dpo"));
        kit.object(ANNA, INVOICES, Actor.subject());
        kit.restrict(ANNA, NEWSLETTER, Actor.operator("dpo"));
        assertThat(reason(kit.check(ANNA, ORDERS))).isEqualTo(DenialReason.RESTRICTED);
        assertThat(reason(kit.check(ANNA, INVOICES))).isEqualTo(DenialReason.OBJECTED);
        assertThat(reason(kit.check(ConsentScope.of(ANNA, NEWSLETTER).withChannel(Channel.EMAIL))))
                .isEqualTo(DenialReason.RESTRICTED);
        assertThat(kit.check(BOB, ORDERS).isPermitted()).as("another subject is not restricted").isTrue();

        kit.liftRestriction(ANNA, ORDERS, Actor.operator("dpo"));
        kit.liftObjection(ANNA, INVOICES, Actor.operator("dpo"));
        kit.liftRestriction(ANNA, NEWSLETTER, Actor.operator("dpo"));
        assertThat(kit.check(ANNA, ORDERS).isPermitted()).isTrue();
        assertThat(kit.check(ANNA, INVOICES).isPermitted()).isTrue();
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).as("the consent itself survived the restriction").isTrue();
        assertConsistent();
    }

    @Test
    void suppressionDeniesAContactForItsPurposeOrForEveryPurpose_M18() {
        ContactPoint anna = ContactPoint.email("Anna@Example.org ");
        ContactPoint phone = ContactPoint.phone("+7 912 345-67-89");
        giveNewsletter(ANNA);

        assertThat(kit.suppress(anna, NEWSLETTER, Actor.subject())).isTrue();
        assertThat(kit.suppress(ContactPoint.email("anna@example.org"), NEWSLETTER, Actor.subject())).isFalse();
        assertThat(kit.suppressEverywhere(phone, Actor.operator("dpo"))).isTrue();
        assertThat(kit.suppressEverywhere(phone, Actor.operator("dpo"))).isFalse();

        ConsentScope newsletter = ConsentScope.of(ANNA, NEWSLETTER);
        assertThat(reason(kit.check(newsletter, ContactPoint.email("anna@example.org")))).isEqualTo(DenialReason.SUPPRESSED);
        assertThat(kit.check(newsletter, ContactPoint.email("other@example.org")).isPermitted()).isTrue();
        assertThat(kit.check(ConsentScope.of(ANNA, ORDERS), anna).isPermitted()).as("suppressed for the newsletter only")
                .isTrue();
        assertThat(reason(kit.check(ConsentScope.of(ANNA, ORDERS), ContactPoint.phone("+79123456789"))))
                .isEqualTo(DenialReason.SUPPRESSED);
        assertThat(auditActions()).filteredOn(AuditAction.SUPPRESSION_ADDED::equals).as("only new entries are audited")
                .hasSize(2);
        assertConsistent();
    }

    // ---- sweeps --------------------------------------------------------------------------------

    @Test
    void aLapsedConsentDeniesIsExpiredOnceByTheSweepAndCanBeRenewed_M7() {
        LedgerEntry given = giveNewsletter(ANNA);
        Instant validUntil = given.event().validUntil().orElseThrow();
        clock.advance(Duration.ofDays(180));
        giveNewsletter(BOB);
        clock.set(validUntil.minusNanos(1_000));
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isTrue();
        assertThat(kit.expireLapsed()).isEmpty();

        clock.set(validUntil);
        assertThat(reason(kit.check(ANNA, NEWSLETTER))).isEqualTo(DenialReason.EXPIRED);
        List<LedgerEntry> expired = kit.expireLapsed();
        assertThat(expired).singleElement().satisfies(e -> {
            assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.EXPIRED);
            assertThat(e.event().scope()).isEqualTo(ConsentScope.of(ANNA, NEWSLETTER));
        });
        assertThat(kit.expireLapsed()).as("a second sweep finds nothing").isEmpty();
        assertThat(kit.check(BOB, NEWSLETTER).isPermitted()).isTrue();

        clock.advance(Duration.ofDays(1));
        LedgerEntry renewed = kit.consent(ANNA, NEWSLETTER).locale(RU).evidence(webCheckbox()).renew();
        assertThat(renewed.event().validUntil()).contains(plusMonths(now(), 12));
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isTrue();
        assertConsistent();
    }

    @Test
    void aMajorNoticeChangeInvalidatesEarlierConsentsAMinorOneDoesNot_M7() {
        giveNewsletter(ANNA);
        kit.consent(ANNA, PORTFOLIO).asset(AssetId.of("project-42")).evidence(webCheckbox()).give();

        ConsentKit minor = kitWith(Notice.builder(Fixtures.NEWSLETTER_NOTICE)
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN))
                .version("1.2", LocalizedText.of(RU, NEWSLETTER_RU + " ").and(EN, NEWSLETTER_EN))
                .build());
        assertThat(minor.check(ANNA, NEWSLETTER).isPermitted()).isTrue();
        assertThat(minor.invalidateOutdated()).isEmpty();

        ConsentKit major = kitWith(Notice.builder(Fixtures.NEWSLETTER_NOTICE)
                .version("1.1", LocalizedText.of(RU, NEWSLETTER_RU).and(EN, NEWSLETTER_EN))
                .version("2.0", LocalizedText.of(RU, "Я согласен получать новости и акции, в том числе от партнёров.")
                        .and(EN, "I agree to receive news and offers, also from partners."))
                .build());
        assertThat(reason(major.check(ANNA, NEWSLETTER))).isEqualTo(DenialReason.NOTICE_OUTDATED);
        List<LedgerEntry> invalidated = major.invalidateOutdated();
        assertThat(invalidated).singleElement().satisfies(e -> {
            assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.INVALIDATED);
            assertThat(e.event().scope()).isEqualTo(ConsentScope.of(ANNA, NEWSLETTER));
        });
        assertThat(major.invalidateOutdated()).isEmpty();
        assertThat(reason(major.check(ANNA, NEWSLETTER))).isEqualTo(DenialReason.INVALIDATED);
        assertThat(major.check(ConsentScope.of(ANNA, PORTFOLIO).withAsset(AssetId.of("project-42"))).isPermitted())
                .as("another notice's consents are untouched").isTrue();

        LedgerEntry again = major.consent(ANNA, NEWSLETTER).locale(EN).evidence(webCheckbox()).give();
        assertThat(again.event().notice()).get().extracting(n -> n.version()).isEqualTo(new NoticeVersion(2, 0));
        assertThat(major.check(ANNA, NEWSLETTER).isPermitted()).isTrue();
        assertConsistent();
    }

    // ---- bulk checks ---------------------------------------------------------------------------

    @Test
    void aBulkCheckDecidesLikeSingleChecksInTheOrderGiven() {
        SubjectId cleo = SubjectId.of("client-1003");
        giveNewsletter(ANNA);
        giveNewsletter(cleo);
        kit.consent(cleo, NEWSLETTER).channel(Channel.EMAIL).evidence(webCheckbox()).withdraw();
        kit.consent(PYOTR, NEWSLETTER).channel(Channel.EMAIL).evidence(webCheckbox()).give();
        kit.restrict(BOB, NEWSLETTER, Actor.operator("dpo"));
        List<SubjectId> asked = List.of(PYOTR, cleo, BOB, SubjectId.of("client-never"), ANNA);

        Map<SubjectId, Decision> byEmail = kit.checkAll(asked, NEWSLETTER, Channel.EMAIL);
        Map<SubjectId, Decision> whole = kit.checkAll(asked, NEWSLETTER);

        assertThat(byEmail.keySet()).containsExactlyElementsOf(asked);
        assertThat(whole.keySet()).containsExactlyElementsOf(asked);
        for (SubjectId s : asked) {
            assertThat(byEmail.get(s)).as("e-mail decision for %s", s)
                    .isEqualTo(kit.check(ConsentScope.of(s, NEWSLETTER).withChannel(Channel.EMAIL)));
            assertThat(whole.get(s)).as("decision for %s", s).isEqualTo(kit.check(s, NEWSLETTER));
        }
        assertThat(byEmail.values()).extracting(ConsentKitContract::reasonOrNull)
                .containsExactly(null, DenialReason.WITHDRAWN, DenialReason.RESTRICTED, DenialReason.NEVER_GIVEN, null);
        assertConsistent();
    }

    @Test
    void aBulkCheckTakesTheDocumentedMaximumOf100000Subjects() {
        List<SubjectId> subjects = IntStream.range(0, 100_000).mapToObj(i -> SubjectId.of("s-" + i)).toList();
        Set<SubjectId> given = Set.of(subjects.get(0), subjects.get(70_000), subjects.get(99_999));
        given.forEach(this::giveNewsletter);

        Map<SubjectId, Decision> decisions = kit.checkAll(subjects, NEWSLETTER);

        assertThat(decisions).hasSize(100_000);
        assertThat(decisions.entrySet().stream().filter(e -> e.getValue().isPermitted()).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(given);
        assertConsistent();
    }

    // ---- idempotency and atomicity ------------------------------------------------------------

    @Test
    void aRepeatedSubmissionReturnsTheSameEntryAndAChangedOneIsRefused_M4() {
        LedgerEntry first = kit.consent(ANNA, NEWSLETTER).idempotencyKey("form-post-7f3a").evidence(webCheckbox()).give();
        clock.advance(Duration.ofMinutes(2));
        LedgerEntry retried = kit.consent(ANNA, NEWSLETTER).idempotencyKey("form-post-7f3a").evidence(webCheckbox()).give();
        StorageSnapshot afterRetry = StorageSnapshot.of(storage);

        assertThat(retried).isEqualTo(first);
        assertThat(afterRetry.ledger()).containsExactly(first);
        assertThat(afterRetry.audit()).hasSize(1);
        assertThatThrownBy(() -> kit.consent(ANNA, NEWSLETTER).idempotencyKey("form-post-7f3a").channel(Channel.SMS)
                .evidence(webCheckbox()).give()).isInstanceOf(IdempotencyConflictException.class);
        assertThat(StorageSnapshot.of(storage)).isEqualTo(afterRetry);
        assertConsistent();
    }

    @Test
    void aCaptureWhoseAuditWriteFailsLeavesNoConsentBehind_M21() {
        FailingAuditStorage failing = new FailingAuditStorage(storage);
        ConsentKit kitOverFailing = Fixtures.kit(failing, clock);
        giveNewsletter(BOB);
        StorageSnapshot before = StorageSnapshot.of(storage);
        failing.failAfter(0);

        assertThatThrownBy(() -> kitOverFailing.consent(ANNA, NEWSLETTER).evidence(webCheckbox()).give())
                .isInstanceOf(StorageException.class).hasMessage(FailingAuditStorage.MESSAGE);
        assertThatThrownBy(() -> kitOverFailing.restrict(ANNA, ORDERS, Actor.operator("dpo")))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> kitOverFailing.suppress(ContactPoint.email("anna@example.org"), NEWSLETTER,
                Actor.subject())).isInstanceOf(StorageException.class);

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
        assertThat(reason(kit.check(ANNA, NEWSLETTER))).isEqualTo(DenialReason.NEVER_GIVEN);
        assertThat(kit.check(ANNA, ORDERS).isPermitted()).isTrue();
        failing.stopFailing();
        assertThat(kitOverFailing.consent(ANNA, NEWSLETTER).evidence(webCheckbox()).give().event().kind())
                .isEqualTo(ConsentEvent.Kind.GIVEN);
        assertConsistent();
    }

    @Test
    void aSweepThatFailsHalfwayExpiresNothing_M7() {
        List.of(ANNA, BOB, PYOTR).forEach(this::giveNewsletter);
        clock.advance(Duration.ofDays(400));
        FailingAuditStorage failing = new FailingAuditStorage(storage);
        ConsentKit kitOverFailing = Fixtures.kit(failing, clock);
        StorageSnapshot before = StorageSnapshot.of(storage);
        failing.failAfter(1);

        assertThatThrownBy(kitOverFailing::expireLapsed).isInstanceOf(StorageException.class);

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
        assertThat(kit.expireLapsed()).hasSize(3);
        assertConsistent();
    }

    // ---- concurrency ---------------------------------------------------------------------------

    @Test
    void concurrentGivingAndWithdrawingKeepsProjectionAndAuditConsistent_M6() throws Exception {
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger nothingToWithdraw = new AtomicInteger();

        inParallel(thread -> {
            for (int i = 0; i < OPS_PER_THREAD; i++) {
                try {
                    ConsentCapture capture = kit.consent(ANNA, NEWSLETTER).evidence(webCheckbox());
                    if ((thread + i) % 2 == 0) {
                        capture.give();
                    } else {
                        capture.withdraw();
                    }
                    recorded.incrementAndGet();
                } catch (NothingToWithdrawException e) {
                    nothingToWithdraw.incrementAndGet();
                }
            }
        });

        AuditTrail.of(kit).sequence(); // a writer's own run skips while another sequences: link what is left
        StorageSnapshot after = StorageSnapshot.of(storage);
        assertThat(recorded.get() + nothingToWithdraw.get()).isEqualTo(THREADS * OPS_PER_THREAD);
        assertThat(recorded.get()).isGreaterThanOrEqualTo(THREADS * OPS_PER_THREAD / 2); // every give succeeds
        assertThat(after.ledger()).hasSize(recorded.get());
        assertThat(after.audit()).hasSize(recorded.get());
        ConsentEvent.Kind last = after.ledger().get(after.ledger().size() - 1).event().kind();
        assertThat(kit.check(ANNA, NEWSLETTER).isPermitted()).isEqualTo(last == ConsentEvent.Kind.GIVEN);
        assertConsistent();
    }

    @Test
    void concurrentSubmissionsOfOneIdempotencyKeyRecordOneEvent_M4() throws Exception {
        ConcurrentLinkedQueue<LedgerEntry> returned = new ConcurrentLinkedQueue<>();

        inParallel(thread -> {
            for (int i = 0; i < OPS_PER_THREAD; i++) {
                returned.add(kit.consent(ANNA, NEWSLETTER).idempotencyKey("double-click-" + i)
                        .evidence(webCheckbox()).give());
            }
        });

        AuditTrail.of(kit).sequence(); // a writer's own run skips while another sequences: link what is left
        StorageSnapshot after = StorageSnapshot.of(storage);
        assertThat(after.ledger()).hasSize(OPS_PER_THREAD);
        assertThat(after.audit()).hasSize(OPS_PER_THREAD);
        Map<String, Set<LedgerEntry>> byKey = returned.stream().collect(Collectors.groupingBy(
                e -> e.event().idempotencyKey().orElseThrow().value(), Collectors.toSet()));
        assertThat(byKey).hasSize(OPS_PER_THREAD).allSatisfy((key, entries) ->
                assertThat(entries).as("entries returned for %s", key).singleElement().isIn(after.ledger()));
        assertConsistent();
    }

    @Test
    void concurrentWritersForManySubjectsAreAllRecordedInOneIntactChain_M21() throws Exception {
        inParallel(thread -> {
            for (int i = 0; i < OPS_PER_THREAD; i++) {
                giveNewsletter(SubjectId.of("client-" + thread + "-" + i));
            }
        });

        AuditTrail.of(kit).sequence(); // a writer's own run skips while another sequences: link what is left
        StorageSnapshot after = StorageSnapshot.of(storage);
        assertThat(after.ledger()).hasSize(THREADS * OPS_PER_THREAD);
        assertThat(after.audit()).extracting(AuditRecord::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, THREADS * OPS_PER_THREAD).mapToObj(i -> (long) i).toList());
        List<SubjectId> all = IntStream.range(0, THREADS).boxed().flatMap(t -> IntStream.range(0, OPS_PER_THREAD)
                .mapToObj(i -> SubjectId.of("client-" + t + "-" + i))).toList();
        assertThat(kit.checkAll(all, NEWSLETTER).values()).allMatch(Decision::isPermitted);
        assertConsistent();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The invariants after any scenario: the projection equals a replay of the ledger, one scope is
     * one state, every ledger event has exactly one audit record, and the chain verifies (M21).
     */
    private void assertConsistent() {
        AuditTrail.of(kit).sequence();
        StorageSnapshot s = StorageSnapshot.of(storage);
        assertThat(s.projectionRows()).as("one projection state per scope").isEqualTo(s.projection().size());
        assertThat(s.projection()).as("projection equals a replay of the ledger").isEqualTo(s.replayedLedger());
        assertThat(s.audit().stream().flatMap(r -> r.event().reference().stream()).sorted().toList())
                .as("one audit record per ledger event")
                .isEqualTo(s.ledger().stream().map(e -> e.event().id().toString()).sorted().toList());
        assertThat(s.pending()).as("every committed entry was linked").isEmpty();
        long head = s.audit().size();
        assertThat(AuditTrail.of(kit).verify()).isEqualTo(new AuditVerification.Intact(head, head,
                s.audit().isEmpty() ? AuditChain.GENESIS : s.audit().get(s.audit().size() - 1).link()));
        assertThat(AuditTrail.of(kit).verifyLedger().findings()).as("ledger and projection as the chain proves").isEmpty();
    }

    private void inParallel(IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                tasks.add(() -> {
                    start.await(CONCURRENCY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    work.accept(thread);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, CONCURRENCY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                assertThat(f.isCancelled()).as("all threads finished within %s", CONCURRENCY_TIMEOUT).isFalse();
                f.get(); // rethrows what a thread threw
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<AuditAction> auditActions() {
        return StorageSnapshot.of(storage).audit().stream().map(r -> r.event().action()).toList();
    }

    private LedgerEntry giveNewsletter(SubjectId subject) {
        return kit.consent(subject, NEWSLETTER).locale(RU).evidence(webCheckbox()).give();
    }

    private Evidence webCheckbox() {
        return kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("signup-v3").build();
    }

    private ConsentKit kitWith(Notice newsletterNotice) {
        return ConsentKit.builder().catalog(Fixtures.catalog(newsletterNotice)).storage(storage).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
    }

    /** @return the clock's time as the kit records it: cut to the microsecond */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Instant plusMonths(Instant t, int months) {
        return t.atZone(ZoneOffset.UTC).plus(Period.ofMonths(months)).toInstant();
    }

    private static DenialReason reason(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Denied.class);
        return ((Decision.Denied) decision).reason();
    }

    private static DenialReason reasonOrNull(Decision decision) {
        return decision instanceof Decision.Denied d ? d.reason() : null;
    }
}
