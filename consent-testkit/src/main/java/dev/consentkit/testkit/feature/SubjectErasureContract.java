package dev.consentkit.testkit.feature;

import dev.consentkit.core.CategoryId;
import dev.consentkit.testkit.fixtures.FailingContributor;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.testkit.fixtures.StudioBook;
import dev.consentkit.core.retention.RetentionStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.rights.SubjectRights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.ContactPoint;
import dev.consentkit.core.EventName;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.consent.DenialReason;
import dev.consentkit.core.purpose.UnknownPurposeException;
import dev.consentkit.core.rights.ContributorErasure;
import dev.consentkit.core.rights.ErasureContext;
import dev.consentkit.core.rights.ErasureOutcome;
import dev.consentkit.core.rights.ErasureRequest;
import dev.consentkit.core.rights.ExportSection;
import dev.consentkit.core.rights.IllegalRequestTransitionException;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.RequestState;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.rights.SubjectExport;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.UnknownRequestException;
import dev.consentkit.core.rights.KeepGround;
import dev.consentkit.core.rights.KeepReason;
import dev.consentkit.core.rights.SubjectDataService;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.retention.RetentionAnchor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * M15, M18, G2: erasure keeps what the law requires (invoices under a legal obligation, a running
 * contract, a legal hold) with its reason, erases the rest, suppresses an objector's contacts, and
 * is resumable and idempotent. A contract over storage: each adapter runs it with a subclass of a few
 * lines (in-memory, H2, PostgreSQL, MariaDB); the host's tables are a {@link StudioBook} in memory.
 *
 * <p><b>Covers</b> export and erasure end to end: {@code RequestStore}, {@code HoldStore}, {@code RetentionStore} and {@code KeyStore} with the consent ports. <b>The subclass supplies</b> {@link #storage()}: a fresh, empty storage offering every port, for every test.
 */
public abstract class SubjectErasureContract {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final Actor DPO = Actor.operator("dpo-1");
    private static final ContactPoint EMAIL = ContactPoint.email("anna@example.org");
    private MutableClock clock;
    private ConsentKit kit;
    private StudioBook book;
    private StudioBook archive;
    private SubjectDataService data;

    /**
     * Creates the storage the scenarios run on. Called once before every test.
     *
     * @return a new, empty storage
     */
    protected abstract ConsentStorage storage();

    @BeforeEach
    final void aClientWithConsentOrdersAndInvoices() {
        clock = MutableClock.at("2026-03-02T10:15:30Z");
        kit = Fixtures.kit(storage(), clock);
        kit.consent(ANNA, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        book = new StudioBook("crm").client(ANNA, "Anna Petrova", "anna@example.org")
                .order(ANNA, "Logo").invoice(ANNA, "INV-1").invoice(ANNA, "INV-2");
        archive = new StudioBook("archive").client(ANNA, "Anna Petrova", "anna@example.org");
        data = SubjectDataService.builder(kit).contributor(book).contributor(archive).build();
    }

    private ErasureOutcome erase() {
        return data.erase(ErasureRequest.builder(ANNA, DPO).contact(EMAIL).build());
    }

    private List<AuditRecord> audit(AuditAction action) {
        return AuditTrail.of(kit).records(1, 1000).stream().filter(r -> r.event().action().equals(action)).toList();
    }

    @Test
    void erasureKeepsInvoicesUnderTheLegalObligationAndErasesTheRest() {
        ErasureOutcome outcome = erase();

        assertThat(outcome.status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(outcome.isComplete()).isTrue();
        assertThat(outcome.withdrawn()).containsExactly(Fixtures.NEWSLETTER);
        assertThat(outcome.erased()).extracting(e -> e.source() + ":" + e.what() + ":" + e.count())
                .containsExactly("crm:client card:1", "crm:orders:1", "archive:client card:1");
        assertThat(outcome.kept()).filteredOn(k -> k.source().equals("crm")).singleElement().satisfies(k -> {
            assertThat(k.what()).isEqualTo("invoices");
            assertThat(k.count()).isEqualTo(2);
            assertThat(k.reason().ground()).isEqualTo(KeepGround.LEGAL_OBLIGATION);
            assertThat(k.reason().explanation()).contains("purpose invoices", "dpv:LegalObligation", "17(3)(b)",
                    "kept 5 years after the business event invoice.issued");
        });
        assertThat(outcome.kept()).filteredOn(k -> k.source().equals("consent-kit")).singleElement()
                .satisfies(k -> assertThat(k.reason().ground()).isEqualTo(KeepGround.PROOF));
        assertThat(book.card(ANNA)).isEmpty();
        assertThat(book.orders(ANNA)).isEmpty();
        assertThat(book.invoices(ANNA)).containsExactly("INV-1", "INV-2");
        assertThat(kit.check(ANNA, Fixtures.NEWSLETTER).isPermitted()).isFalse();
        assertThat(audit(SubjectDataService.SUBJECT_ERASED)).singleElement().satisfies(r -> {
            assertThat(r.event().subjectRef()).contains(kit.subjectRef(ANNA));
            assertThat(r.event().reference()).contains(outcome.id().toString());
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
        assertThat(outcome.toString()).doesNotContain("Anna", "anna@", ANNA.value());
    }

    private void anchor(SubjectId subject, EventName event, String record) {
        KitContext.of(kit).storage().inTransaction(tx -> RetentionStore.in(tx).recordEvent(event,
                new RetentionAnchor(subject, record, Instant.parse("2026-03-01T09:00:00Z"))));
    }

    private java.util.Optional<Instant> anchorOf(SubjectId subject, EventName event, String record) {
        return KitContext.of(kit).storage().read(tx -> RetentionStore.in(tx).event(event, new RetentionAnchor.Key(subject, record)));
    }

    @Test
    void keptInvoicesKeepTheirRetentionAnchorSoTheirPeriodStillRuns_M17() {
        anchor(ANNA, EventName.of("invoice.issued"), "INV-1");

        erase();

        assertThat(anchorOf(ANNA, EventName.of("invoice.issued"), "INV-1")).isPresent();
    }

    @Test
    void aSubjectErasedWithNothingKeptLosesTheirRetentionAnchorsToo_M15() {
        SubjectId boris = SubjectId.of("client-2002");
        book.client(boris, "Boris Ivanov", "boris@example.org").order(boris, "Poster");
        anchor(boris, EventName.of("order.closed"), "order-7");

        ErasureOutcome outcome = data.erase(ErasureRequest.builder(boris, DPO).build());

        assertThat(outcome.status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(outcome.kept()).isEmpty();
        assertThat(outcome.erased()).extracting(e -> e.source() + ":" + e.what() + ":" + e.count())
                .contains("consent-kit:retention anchors (business events):1");
        assertThat(anchorOf(boris, EventName.of("order.closed"), "order-7")).isEmpty();
    }

    @Test
    void aSecondErasureOfTheSameSubjectFindsNothingLeftAndStillSaysWhatIsKept() {
        erase();
        clock.advance(java.time.Duration.ofDays(1));
        ErasureOutcome second = erase();

        assertThat(second.status()).isEqualTo(ErasureOutcome.Status.NOTHING_TO_ERASE);
        assertThat(second.isComplete()).isTrue();
        assertThat(second.erased()).isEmpty();
        assertThat(second.withdrawn()).isEmpty();
        assertThat(second.kept()).extracting(ErasureOutcome.Kept::what).contains("invoices", "consent events");
        assertThat(book.invoices(ANNA)).hasSize(2);
        assertThat(audit(SubjectDataService.SUBJECT_ERASED)).hasSize(2);
    }

    @Test
    void aLegalHoldOnTheWholeSubjectRefusesTheErasureWithItsReasonAndChangesNothing() {
        LegalHold hold = LegalHolds.of(kit).place(HoldScope.forSubject(ANNA), "court case A40-1234/2026", Actor.operator("lawyer-7"));

        ErasureOutcome refused = erase();

        assertThat(refused.status()).isEqualTo(ErasureOutcome.Status.REFUSED);
        assertThat(refused.isComplete()).isFalse();
        assertThat(refused.refused()).singleElement().satisfies(r -> {
            assertThat(r.ground()).isEqualTo(KeepGround.LEGAL_HOLD);
            assertThat(r.explanation()).isEqualTo("legal hold " + hold.id() + ": court case A40-1234/2026");
        });
        assertThat(refused.erased()).isEmpty();
        assertThat(book.card(ANNA)).isNotEmpty();
        assertThat(kit.check(ANNA, Fixtures.NEWSLETTER).isPermitted()).isTrue();
        assertThat(audit(SubjectDataService.ERASURE_REFUSED)).singleElement()
                .satisfies(r -> assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENIED));

        LegalHolds.of(kit).lift(hold.id(), Actor.operator("lawyer-7"));
        assertThat(erase().status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(book.card(ANNA)).isEmpty();
    }

    @Test
    void aHoldOnACategoryKeepsThatCategoryWithTheHoldsReason() {
        LegalHold hold = LegalHolds.of(kit).place(HoldScope.forSubject(ANNA).andCategory(CategoryId.of("order")), "warranty claim 17",
                Actor.operator("lawyer-7"));

        ErasureOutcome outcome = erase();

        assertThat(outcome.status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(book.orders(ANNA)).containsExactly("Logo");
        assertThat(book.card(ANNA)).isEmpty();
        assertThat(outcome.kept()).filteredOn(k -> k.what().equals("orders")).singleElement()
                .satisfies(k -> assertThat(k.reason()).isEqualTo(new KeepReason(KeepGround.LEGAL_HOLD,
                        "legal hold " + hold.id() + ": warranty claim 17")));
    }

    @Test
    void aContractStillRunningKeepsItsDataAndAPartialErasureKeepsWhatOtherPurposesUse() {
        ErasureOutcome running = data.erase(ErasureRequest.builder(ANNA, DPO).contractRunning(Fixtures.ORDERS).build());

        assertThat(running.kept()).filteredOn(k -> k.source().equals("crm") && k.what().equals("client card"))
                .singleElement().satisfies(k -> assertThat(k.reason().ground()).isEqualTo(KeepGround.CONTRACT_RUNNING));
        assertThat(book.card(ANNA)).isNotEmpty();
        assertThat(book.orders(ANNA)).isNotEmpty();

        ErasureOutcome onlyNewsletter = data.erase(ErasureRequest.builder(ANNA, DPO).onlyPurposes(Fixtures.PORTFOLIO).build());
        assertThat(onlyNewsletter.kept()).filteredOn(k -> k.what().equals("client card")).first()
                .satisfies(k -> assertThat(k.reason().ground()).isEqualTo(KeepGround.NOT_REQUESTED));
        assertThat(book.card(ANNA)).isNotEmpty();
    }

    @Test
    void anObjectorsContactStaysSuppressedAfterErasureAndReCreation() {
        kit.object(ANNA, Fixtures.NEWSLETTER, Actor.subject());

        ErasureOutcome outcome = erase();

        assertThat(outcome.suppressed()).isEqualTo(1);
        // the client comes back under a new id with the same address: M18, never mailed again
        SubjectId again = SubjectId.of("client-2002");
        kit.consent(again, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        Decision decision = kit.check(ConsentScope.of(again, Fixtures.NEWSLETTER), ContactPoint.email(" Anna@Example.org"));
        assertThat(decision).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.reason()).isEqualTo(DenialReason.SUPPRESSED));
        assertThat(erase().suppressed()).as("suppression is idempotent").isZero();
    }

    @Test
    void aContributorThatThrowsLeavesTheErasureIncompleteAndARerunResumes() {
        FailingContributor failing = FailingContributor.failingOnce(book,
                new IllegalStateException("disk full at row of Anna Petrova"));
        data = SubjectDataService.builder(kit).contributor(failing).contributor(archive).build();

        ErasureOutcome first = erase();

        assertThat(first.status()).isEqualTo(ErasureOutcome.Status.INCOMPLETE);
        assertThat(first.isComplete()).isFalse();
        assertThat(first.failure()).contains(
                "contributor 'crm' failed (IllegalStateException): run the erasure again to resume");
        assertThat(first.toString()).doesNotContain("Anna");
        assertThat(first.erased()).as("nothing reported erased that was not").isEmpty();
        assertThat(book.card(ANNA)).isNotEmpty();
        assertThat(archive.card(ANNA)).as("later contributors wait for the rerun").isNotEmpty();
        assertThat(audit(SubjectDataService.ERASURE_INCOMPLETE)).singleElement()
                .satisfies(r -> assertThat(r.event().outcome()).isEqualTo(AuditOutcome.FAILED));

        ErasureOutcome rerun = erase();

        assertThat(rerun.status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(rerun.erased()).extracting(e -> e.source() + ":" + e.what())
                .containsExactly("crm:client card", "crm:orders", "archive:client card");
        assertThat(rerun.withdrawn()).as("done by the first run").isEmpty();
        assertThat(book.card(ANNA)).isEmpty();
        assertThat(archive.card(ANNA)).isEmpty();
        assertThat(book.invoices(ANNA)).hasSize(2);
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingChanges() {
        int before = AuditTrail.of(kit).records(1, 1000).size();
        assertThatThrownBy(() -> data.erase(ErasureRequest.builder(ANNA, DPO).onlyPurposes(PurposeId.of("nope")).build()))
                .isInstanceOf(UnknownPurposeException.class);
        assertThatThrownBy(() -> data.erase(ErasureRequest.builder(ANNA, DPO).contractRunning(Fixtures.INVOICES).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("purpose invoices is not based on a contract");
        assertThatThrownBy(() -> SubjectDataService.builder(kit).contributor(book).contributor(new StudioBook("crm")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'crm' is taken");
        assertThatThrownBy(() -> SubjectDataService.builder(kit).contributor(new StudioBook("Bad Name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contributor name");

        assertThat(AuditTrail.of(kit).records(1, 1000)).hasSize(before);
        assertThat(book.card(ANNA)).isNotEmpty();
        assertThat(kit.check(ANNA, Fixtures.NEWSLETTER).isPermitted()).isTrue();
    }

    @Test
    void aContributorCannotReportAsKeptWhatTheContextLetsItErase() {
        ErasureContext context = new ErasureContext(ANNA, DPO, clock.instant(),
                java.util.Map.of(CategoryId.of("billing"), new KeepReason(KeepGround.LEGAL_OBLIGATION, "tax law")));
        assertThatThrownBy(() -> ContributorErasure.builder(context).keptAs("client card", 1, CategoryId.of("contact")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("category contact may be erased");
        assertThat(ContributorErasure.builder(context).erased("x", 0).keptAs("invoices", 2, CategoryId.of("billing")).build())
                .isEqualTo(new ContributorErasure(List.of(), List.of(new ContributorErasure.KeptItem("invoices", 2,
                        new KeepReason(KeepGround.LEGAL_OBLIGATION, "tax law")))));
    }

    // ---- answering requests of the request lifecycle ----------------------------------------------

    private RequestId verified(RequestType type) {
        RequestId id = SubjectRights.builder(kit).build().receive(ANNA, type, Actor.subject()).id();
        SubjectRights.builder(kit).build().verifyIdentity(id, DPO);
        return id;
    }

    private SubjectRequest request(RequestId id) {
        return SubjectRights.builder(kit).build().find(id).orElseThrow();
    }

    @Test
    void anErasureRequestIsCompletedWithTheOutcomeOfItsErasure() {
        RequestId id = verified(RequestType.ERASURE);

        ErasureOutcome outcome = data.erase(id, ErasureRequest.builder(ANNA, DPO).contact(EMAIL).build());

        assertThat(outcome.status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        SubjectRequest done = request(id);
        assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(done.lastStep().note()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("erasure " + outcome.id() + " COMPLETED: 3 items erased, 1 consents withdrawn")
                .contains("LEGAL_OBLIGATION", "PROOF").doesNotContain("Anna"));
        assertThat(book.invoices(ANNA)).hasSize(2);
    }

    @Test
    void anIncompleteErasureKeepsItsRequestInProgressAndTheRerunClosesIt() {
        FailingContributor failing = FailingContributor.failingOnce(book, new IllegalStateException("timeout"));
        data = SubjectDataService.builder(kit).contributor(failing).contributor(archive).build();
        RequestId id = verified(RequestType.ERASURE);
        ErasureRequest erasure = ErasureRequest.builder(ANNA, DPO).build();

        assertThat(data.erase(id, erasure).status()).isEqualTo(ErasureOutcome.Status.INCOMPLETE);
        assertThat(request(id).state()).isEqualTo(RequestState.IN_PROGRESS);

        assertThat(data.erase(id, erasure).status()).isEqualTo(ErasureOutcome.Status.COMPLETED);
        assertThat(request(id).state()).isEqualTo(RequestState.COMPLETED);
        assertThat(book.card(ANNA)).isEmpty();
    }

    @Test
    void anErasureRequestUnderALegalHoldIsRefusedWithTheHoldsReason() {
        LegalHolds.of(kit).place(HoldScope.forSubject(ANNA), "court case A40-1234/2026", Actor.operator("lawyer-7"));
        RequestId id = verified(RequestType.ERASURE);

        assertThat(data.erase(id, ErasureRequest.builder(ANNA, DPO).build()).status())
                .isEqualTo(ErasureOutcome.Status.REFUSED);

        SubjectRequest refused = request(id);
        assertThat(refused.state()).isEqualTo(RequestState.REFUSED);
        assertThat(refused.lastStep().note()).hasValueSatisfying(n -> assertThat(n).contains("court case A40-1234/2026"));
        assertThat(book.card(ANNA)).isNotEmpty();
    }

    @Test
    void anAccessRequestIsAnsweredWithAnExportAndCompleted() {
        RequestId id = verified(RequestType.ACCESS);

        SubjectExport export = data.export(id, DPO);

        assertThat(export.requests()).extracting(SubjectRequest::id).containsExactly(id);
        assertThat(export.sections()).extracting(ExportSection::name).contains("client", "invoices");
        SubjectRequest done = request(id);
        assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(done.lastStep().note()).contains("export " + export.id() + " made: 1 consent events, 1 requests, 4 sections");
    }

    @Test
    void aRequestIsAnsweredOnlyWhenVerifiedOfTheRightTypeAndForItsOwnSubject() {
        RequestId unverified = SubjectRights.builder(kit).build().receive(ANNA, RequestType.ERASURE, Actor.subject()).id();
        assertThatThrownBy(() -> data.erase(unverified, ErasureRequest.builder(ANNA, DPO).build()))
                .isInstanceOf(IllegalRequestTransitionException.class);
        RequestId access = verified(RequestType.ACCESS);
        assertThatThrownBy(() -> data.erase(access, ErasureRequest.builder(ANNA, DPO).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a ACCESS request, not ERASURE");
        RequestId erasure = verified(RequestType.PORTABILITY);
        assertThatThrownBy(() -> data.erase(erasure, ErasureRequest.builder(SubjectId.of("client-9"), DPO).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another subject");
        assertThatThrownBy(() -> data.export(RequestId.random(), DPO)).isInstanceOf(UnknownRequestException.class);

        assertThat(request(unverified).state()).isEqualTo(RequestState.RECEIVED);
        assertThat(request(access).state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
        assertThat(book.card(ANNA)).isNotEmpty();
    }
}
