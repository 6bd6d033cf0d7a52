package dev.consentkit.core.retention;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.EventName;
import dev.consentkit.core.PolicyId;
import dev.consentkit.core.PurposeId;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.hold.HoldScope;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.hold.LegalHolds;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.json.DestructionActJson;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.ForwardingTransaction;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.testkit.fixtures.WrappingStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retention engine on in-memory storage: plan, batches, acts, resumption, validation (M25, R-RU-14, R-RU-15, R-RU-18). */
class RetentionEngineTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final RetentionPolicy ORDERS_24M = RetentionPolicy.builder(ORDERS, CategoryId.of("order"))
            .afterEvent(Period.ofMonths(24), EventName.of("order.closed")).build();
    private static final RetentionPolicy NEWSLETTER_30D = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
            .keep(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL).action(DisposalAction.ANONYMISE)
            .reason("consent withdrawn: 152-FZ Art. 21 part 5").build();
    private static final Actor NIGHTLY = Actor.system("nightly-retention");

    private MutableClock clock;
    private ConsentKit kit;
    private HostRecords orders;
    private HostRecords contacts;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T);
        kit = Fixtures.kit(InMemoryStorage.create(), clock);
        orders = new HostRecords();
        contacts = new HostRecords();
    }

    private RetentionEngine.Builder engine(ConsentKit k) {
        return RetentionEngine.builder(k).policy(ORDERS_24M).policy(NEWSLETTER_30D)
                .target(CategoryId.of("order"), orders).target(CategoryId.of("contact"), contacts).system("Studio CRM").batchSize(10);
    }

    private RetentionEngine engine() {
        return engine(kit).build();
    }

    private static SubjectId client(int i) {
        return SubjectId.of("client-" + i);
    }

    /** {@code n} clients, each with one order closed at T. */
    private void closedOrders(RetentionEngine retention, int n) {
        for (int i = 0; i < n; i++) {
            orders.add("order-" + i, client(i), T);
            retention.recordEvent(client(i), EventName.of("order.closed"), "order-" + i, T);
        }
    }

    // ---- policies ----------------------------------------------------------------------------------

    @Test
    void defaultPoliciesFollowTheCatalogueDeclarations() {
        List<RetentionPolicy> defaults = RetentionPolicy.defaults(kit.catalog(), DisposalAction.DELETE);

        assertThat(defaults).extracting(RetentionPolicy::id).containsExactlyInAnyOrder(PolicyId.of("newsletter.contact"),
                PolicyId.of("order-fulfilment.contact"), PolicyId.of("order-fulfilment.order"), PolicyId.of("invoices.billing"));
        RetentionPolicy invoices = defaults.stream().filter(p -> p.purpose().equals(INVOICES)).findFirst().orElseThrow();
        assertThat(invoices.period()).isEqualTo(Period.ofYears(5));
        assertThat(invoices.anchorEvent()).contains(EventName.of("invoice.issued"));
        RetentionPolicy newsletter = defaults.stream().filter(p -> p.purpose().equals(NEWSLETTER)).findFirst().orElseThrow();
        assertThat(newsletter.trigger()).isEqualTo(RetentionTrigger.SINCE_WITHDRAWAL);
        assertThat(newsletter.anchorEvent()).isEmpty();
        assertThat(newsletter.reason()).contains("P1Y").contains("newsletter");
    }

    @ParameterizedTest(name = "anchor {0} + {1}, now {2}: due {3}")
    @CsvSource({
            "2026-01-31T12:00:00Z, P1M,  2026-02-28T12:00:00Z, true",
            "2026-01-31T12:00:00Z, P1M,  2026-02-28T11:59:59Z, false",
            "2026-01-28T12:00:00Z, P1M,  2026-02-28T12:00:00Z, true",
            "2024-02-29T00:00:00Z, P1Y,  2025-02-28T00:00:00Z, true",
            "2024-02-29T00:00:00Z, P1Y,  2025-02-27T23:59:59Z, false",
            "2024-03-01T10:00:00Z, P24M, 2026-03-01T10:00:00Z, true",
            "2024-03-01T10:00:00Z, P24M, 2026-03-01T09:59:59.999999Z, false",
            "2026-03-01T10:00:00Z, P30D, 2026-03-31T10:00:00Z, true",
            "2026-03-01T10:00:00Z, P30D, 2026-03-31T09:00:00Z, false"})
    void dueDatesUseCalendarArithmeticAtMonthEnds(Instant anchor, Period period, Instant now, boolean due) {
        RetentionPolicy policy = RetentionPolicy.builder(ORDERS, CategoryId.of("order")).afterEvent(period, EventName.of("order.closed")).build();
        clock.set(anchor);
        RetentionEngine retention = RetentionEngine.builder(kit).policy(policy).target(CategoryId.of("order"), orders).build();
        retention.recordEvent(client(1), EventName.of("order.closed"), anchor);
        clock.set(now);

        RetentionPlan plan = retention.plan();

        assertThat(plan.due()).hasSize(due ? 1 : 0);
        if (due) {
            assertThat(plan.due().get(0).dueAt()).isEqualTo(policy.dueAt(anchor)).isBeforeOrEqualTo(now);
        }
    }

    // ---- plan and run ------------------------------------------------------------------------------

    @Test
    void thePlanListsWhatIsDueAndWhyAndChangesNothing() {
        RetentionEngine retention = engine();
        closedOrders(retention, 3);
        clock.set(T.plus(Duration.ofDays(300)));
        retention.recordEvent(client(9), EventName.of("order.closed"), "order-9", clock.instant());
        clock.set(T.atZone(java.time.ZoneOffset.UTC).plusMonths(24).toInstant());

        RetentionPlan plan = retention.plan();

        assertThat(plan.due()).hasSize(3).allSatisfy(i -> {
            assertThat(i.policy()).isEqualTo(ORDERS_24M);
            assertThat(i.anchor().at()).isEqualTo(T);
            assertThat(i.dueAt()).isEqualTo(clock.instant());
        });
        assertThat(plan.due()).extracting(DueItem::recordRef).containsExactly("order-0", "order-1", "order-2");
        assertThat(plan.blocked()).isEmpty();
        assertThat(retention.plan()).isEqualTo(plan);
        assertThat(orders.rows()).hasSize(3);
        assertThat(retention.acts()).isEmpty();
    }

    @Test
    void aRunDisposesInBatchesWritesTheActAndASecondRunDisposesOfNothing() {
        RetentionEngine retention = engine();
        closedOrders(retention, 25);
        clock.set(T.plus(Duration.ofDays(800)));

        RetentionRun run = retention.run(NIGHTLY);

        assertThat(run.batches()).isEqualTo(3);
        assertThat(run.disposed()).isEqualTo(25);
        assertThat(run.resumed()).isFalse();
        assertThat(orders.rows()).isEmpty();
        assertThat(orders.batchSizes).containsExactly(10, 10, 5);
        DestructionAct act = retention.act(run.actId().orElseThrow()).orElseThrow();
        assertThat(act.complete()).isTrue();
        assertThat(act.operator()).isEqualTo("Studio Lumen LLC");
        assertThat(act.system()).isEqualTo("Studio CRM");
        assertThat(act.performedBy()).isEqualTo(NIGHTLY);
        assertThat(act.recordCount()).isEqualTo(25);
        assertThat(act.categories()).containsExactly(CategoryId.of("order"));
        assertThat(act.methods()).containsExactly(DisposalAction.DELETE);
        assertThat(act.reasons()).containsExactly(ORDERS_24M.reason());
        assertThat(act.destroyedAt()).contains(clock.instant());
        assertThat(act.subjectRefs()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 25).mapToObj(i -> kit.subjectRef(client(i))).toList());
        List<AuditRecord> export = retention.auditExport(act);
        assertThat(export).hasSize(3).allSatisfy(r -> {
            assertThat(r.event().action()).isEqualTo(RetentionEngine.DISPOSED);
            assertThat(r.event().reference()).contains(act.id().toString());
            assertThat(r.event().subjectRef()).isEmpty();
        });
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);

        RetentionRun again = retention.run(NIGHTLY);

        assertThat(again.actId()).isEmpty();
        assertThat(again.disposed()).isZero();
        assertThat(orders.disposedLog).hasSize(25).doesNotHaveDuplicates();
        assertThat(retention.acts()).containsExactly(act);
    }

    @ParameterizedTest(name = "{0} records, batches of {1}, killed in batch {2}")
    @CsvSource({"25, 10, 1", "25, 10, 2", "25, 10, 3", "30, 10, 3", "7, 1, 5", "10, 10, 1"})
    void aRunKilledHalfwayIsFinishedByTheNextWithNothingDisposedTwiceAndNoActMissing(int records, int batch,
                                                                                      int killedIn) {
        RetentionEngine retention = engine(kit).batchSize(batch).build();
        closedOrders(retention, records);
        clock.set(T.plus(Duration.ofDays(800)));
        orders.failOnBatch(killedIn);

        assertThatThrownBy(() -> retention.run(NIGHTLY)).hasMessageContaining("injected");
        int before = (killedIn - 1) * batch;
        assertThat(orders.rows()).hasSize(records - before);
        if (before > 0) {
            DestructionAct open = retention.acts().get(0);
            assertThat(open.complete()).isFalse();
            assertThat(open.recordCount()).isEqualTo(before);
        } else {
            assertThat(retention.acts()).isEmpty();
        }

        RetentionRun rerun = retention.run(NIGHTLY);

        assertThat(rerun.resumed()).isEqualTo(before > 0);
        assertThat(orders.rows()).isEmpty();
        assertThat(orders.disposedLog).hasSize(records).doesNotHaveDuplicates();
        assertThat(retention.acts()).hasSize(1);
        DestructionAct act = retention.acts().get(0);
        assertThat(act.id()).isEqualTo(rerun.actId().orElseThrow());
        assertThat(act.complete()).isTrue();
        assertThat(act.recordCount()).isEqualTo(records);
        assertThat(act.entries()).extracting(ActEntry::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, act.entries().size()).boxed().toList());
        assertThat(retention.auditExport(act)).hasSize(act.entries().size());
    }

    @Test
    void aStoreFailureAfterTheHostDisposedIsRolledBackAndTheNextRunRecordsTheBatch() {
        AtomicInteger entries = new AtomicInteger();
        ConsentStorage failing = new FailingStorage(dev.consentkit.testkit.fixtures.MemoryStorages.withEveryFeature(), store -> {
            RetentionStore spied = spy(store);
            doAnswer(inv -> {
                if (entries.incrementAndGet() == 2) {
                    throw new IllegalStateException("disk full (injected)");
                }
                return inv.callRealMethod();
            }).when(spied).addActEntry(any(), any());
            return spied;
        });
        kit = Fixtures.kit(failing, clock);
        RetentionEngine retention = engine();
        closedOrders(retention, 25);
        clock.set(T.plus(Duration.ofDays(800)));

        assertThatThrownBy(() -> retention.run(NIGHTLY)).hasMessageContaining("injected");
        assertThat(retention.acts().get(0).recordCount()).isEqualTo(10);

        RetentionRun rerun = retention.run(NIGHTLY);

        // the host's table is not in the kit's transaction here: it disposed of the second batch before
        // the failure and finds those records gone when asked again; the act still records all of them
        assertThat(rerun.resumed()).isTrue();
        assertThat(orders.rows()).isEmpty();
        assertThat(orders.disposedLog).hasSize(25).doesNotHaveDuplicates();
        assertThat(retention.acts()).singleElement().satisfies(a -> {
            assertThat(a.complete()).isTrue();
            assertThat(a.recordCount()).isEqualTo(25);
        });
    }

    @Test
    void withdrawalStartsTheClockOnlyWhenNoValidConsentIsLeft() {
        RetentionEngine retention = engine();
        SubjectId anna = client(1);
        SubjectId bob = client(2);
        for (SubjectId s : List.of(anna, bob)) {
            contacts.add("contact-" + s.value(), s, T);
            kit.consent(s, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        }
        clock.advance(Duration.ofDays(1));
        kit.consent(anna, NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).withdraw();
        Instant withdrawn = clock.instant();
        clock.advance(Duration.ofDays(29));
        assertThat(retention.plan().due()).as("R-RU-15: 30 days after withdrawal, not before").isEmpty();
        clock.advance(Duration.ofDays(1));

        RetentionPlan plan = retention.plan();
        assertThat(plan.due()).singleElement().satisfies(i -> {
            assertThat(i.subject()).isEqualTo(anna);
            assertThat(i.anchor().at()).isEqualTo(withdrawn);
        });
        RetentionRun run = retention.run(NIGHTLY);

        assertThat(run.disposed()).isEqualTo(1);
        assertThat(contacts.rows().get("contact-client-1").anonymised()).isTrue();
        assertThat(contacts.rows().get("contact-client-2").anonymised()).isFalse();
        assertThat(retention.act(run.actId().orElseThrow()).orElseThrow().methods()).containsExactly(DisposalAction.ANONYMISE);
        assertThat(retention.run(NIGHTLY).disposed()).as("the withdrawal was disposed of once").isZero();
    }

    @Test
    void collectionTimesComeFromTheHostsTarget() {
        RetentionPolicy contactsByCollection = RetentionPolicy.builder(ORDERS, CategoryId.of("contact"))
                .keep(Period.ofYears(3), RetentionTrigger.SINCE_COLLECTION).build();
        RetentionEngine retention = RetentionEngine.builder(kit).policy(contactsByCollection)
                .target(CategoryId.of("contact"), contacts).batchSize(2).build();
        for (int i = 0; i < 5; i++) {
            contacts.add("c-" + i, client(i), T.plus(Duration.ofDays(i * 100L)));
        }
        clock.set(T.atZone(java.time.ZoneOffset.UTC).plusYears(3).plusDays(150).toInstant());

        assertThat(retention.plan().due()).extracting(DueItem::recordRef).containsExactly("c-0", "c-1");
        assertThat(retention.run(NIGHTLY).disposed()).isEqualTo(2);
        assertThat(contacts.rows()).containsOnlyKeys("c-2", "c-3", "c-4");
    }

    @Test
    void actsAreKeptThreeYearsThenDisposedOfAudited() {
        RetentionEngine retention = engine();
        closedOrders(retention, 2);
        clock.set(T.plus(Duration.ofDays(800)));
        UUID actId = retention.run(NIGHTLY).actId().orElseThrow();
        Instant completed = clock.instant();

        clock.set(completed.atZone(java.time.ZoneOffset.UTC).plusYears(3).toInstant());
        assertThat(retention.purgeExpiredActs(NIGHTLY)).as("M25: kept 3 years").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(retention.purgeExpiredActs(NIGHTLY)).containsExactly(actId);
        assertThat(retention.acts()).isEmpty();
        List<AuditRecord> audit = AuditTrail.of(kit).records(1, 10_000);
        assertThat(audit.get(audit.size() - 1).event().action()).isEqualTo(RetentionEngine.ACT_PURGED);
        assertThat(audit.get(audit.size() - 1).event().reference()).contains(actId.toString());
    }

    @Test
    void theActExportsAsJsonWithItsAuditRecordsAndNoSubjectIds() throws Exception {
        RetentionEngine retention = engine(kit).processor("Cloud CRM Ltd")
                .signatory(new Signatory("Ivanova A. A.", "Data protection officer")).build();
        closedOrders(retention, 12);
        clock.set(T.plus(Duration.ofDays(800)));
        DestructionAct act = retention.act(retention.run(NIGHTLY).actId().orElseThrow()).orElseThrow();

        String json = DestructionActJson.write(act, retention.auditExport(act));

        JsonNode root = JsonMapper.builder().build().readTree(json);
        JsonNode a = root.get("act");
        assertThat(a.get("id").asText()).isEqualTo(act.id().toString());
        assertThat(a.get("operator").get("name").asText()).isEqualTo("Studio Lumen LLC");
        assertThat(a.get("processor").asText()).isEqualTo("Cloud CRM Ltd");
        assertThat(a.get("subjects").get("count").asInt()).isEqualTo(12);
        assertThat(a.get("performedBy").get("position").asText()).isEqualTo("Data protection officer");
        assertThat(a.get("categories").get(0).asText()).isEqualTo("order");
        assertThat(a.get("system").asText()).isEqualTo("Studio CRM");
        assertThat(a.get("methods").get(0).asText()).isEqualTo("deletion");
        assertThat(a.get("reasons").get(0).asText()).isEqualTo(ORDERS_24M.reason());
        assertThat(a.get("recordCount").asLong()).isEqualTo(12);
        assertThat(Instant.parse(a.get("destroyedAt").asText())).isEqualTo(clock.instant());
        assertThat(a.get("entries")).hasSize(2);
        assertThat(root.get("auditExport")).hasSize(2);
        assertThat(root.get("auditExport").get(0).get("link").asText()).hasSize(64);
        for (int i = 0; i < 12; i++) {
            assertThat(json).doesNotContain("\"" + client(i).value() + "\"").doesNotContain("order-" + i);
        }
        assertThat(act.toString()).doesNotContain("client-");
    }

    // ---- legal holds -------------------------------------------------------------------------------

    @Test
    void aLegalHoldBlocksDisposalWithItsReasonUntilLifted_M15() {
        RetentionEngine retention = engine();
        closedOrders(retention, 12);
        LegalHolds holds = LegalHolds.of(kit);
        LegalHold court = holds.place(HoldScope.forSubject(client(3)), "court case 2-118/2026", Actor.operator("dpo"));
        holds.place(HoldScope.forCategory(CategoryId.of("contact")), "tax audit of contacts", Actor.operator("dpo"));
        clock.set(T.plus(Duration.ofDays(800)));

        RetentionPlan plan = retention.plan();

        assertThat(plan.due()).hasSize(11).noneMatch(i -> i.subject().equals(client(3)));
        assertThat(plan.blocked()).singleElement().satisfies(b -> {
            assertThat(b.item().subject()).isEqualTo(client(3));
            assertThat(b.item().recordRef()).isEqualTo("order-3");
            assertThat(b.reason()).isEqualTo("court case 2-118/2026");
        });
        RetentionRun run = retention.run(NIGHTLY);
        assertThat(run.disposed()).isEqualTo(11);
        assertThat(run.blocked()).extracting(BlockedItem::reason).containsExactly("court case 2-118/2026");
        assertThat(orders.rows()).containsOnlyKeys("order-3");
        assertThat(retention.act(run.actId().orElseThrow()).orElseThrow().subjectRefs())
                .doesNotContain(kit.subjectRef(client(3)));

        holds.lift(court.id(), Actor.operator("dpo"));
        RetentionRun after = retention.run(NIGHTLY);

        assertThat(after.disposed()).isEqualTo(1);
        assertThat(after.blocked()).isEmpty();
        assertThat(orders.rows()).isEmpty();
        assertThat(retention.acts()).hasSize(2);
    }

    @Test
    void aHoldPlacedAfterThePlanStillBlocksTheRun() {
        RetentionEngine retention = engine();
        closedOrders(retention, 3);
        clock.set(T.plus(Duration.ofDays(800)));
        assertThat(retention.plan().due()).hasSize(3);

        LegalHolds.of(kit).place(HoldScope.forPurpose(ORDERS), "regulator inquiry", Actor.operator("dpo"));
        RetentionRun run = retention.run(NIGHTLY);

        assertThat(run.disposed()).isZero();
        assertThat(run.actId()).isEmpty();
        assertThat(run.blocked()).hasSize(3).allSatisfy(b -> assertThat(b.reason()).isEqualTo("regulator inquiry"));
        assertThat(orders.rows()).hasSize(3);
        assertThat(retention.acts()).isEmpty();
    }

    // ---- bad input ---------------------------------------------------------------------------------

    @Test
    void anEventNoPolicyIsAnchoredToIsRefusedAndNothingIsStored() {
        RetentionEngine retention = engine();
        int audited = AuditTrail.of(kit).records(1, 10_000).size();

        assertThatThrownBy(() -> retention.recordEvent(client(1), EventName.of("order.closd"), T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order.closd").hasMessageContaining("order.closed");
        assertThatThrownBy(() -> retention.recordEvent(client(1), EventName.of("order.closed"), T.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> retention.recordEvent(client(1), EventName.of("order.closed"), "bad\nref", T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record reference");
        assertThatThrownBy(() -> retention.purposeEnded(client(1), ORDERS, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purpose-ended.order-fulfilment");

        assertThat(AuditTrail.of(kit).records(1, 10_000)).hasSize(audited);
        clock.set(T.plus(Duration.ofDays(3650)));
        assertThat(retention.plan().isEmpty()).isTrue();
    }

    @Test
    void anEventIsAuditedUnderTheSubjectsReferenceOnly() {
        RetentionEngine retention = engine();
        assertThat(retention.recordEvent(client(1), EventName.of("order.closed"), "order-1", T)).isTrue();
        assertThat(retention.recordEvent(client(1), EventName.of("order.closed"), "order-1", T.minusSeconds(5))).isFalse();

        List<AuditRecord> audit = AuditTrail.of(kit).records(1, 10_000);
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo(RetentionEngine.EVENT_RECORDED);
            assertThat(r.event().subjectRef()).contains(kit.subjectRef(client(1)));
            assertThat(r.event().reference()).contains("order.closed");
        });
    }

    @Test
    void policiesThatCannotWorkAreRefusedAtBuildWithTheReason() {
        RetentionPolicy photos = RetentionPolicy.builder(ORDERS, CategoryId.of("photo")).afterEvent(Period.ofDays(1), EventName.of("x.y")).build();
        RetentionPolicy unknownPurpose = RetentionPolicy.builder(dev.consentkit.core.PurposeId.of("nope"), CategoryId.of("order"))
                .afterEvent(Period.ofDays(1), EventName.of("x.y")).build();
        RetentionPolicy withdrawalOnContract = RetentionPolicy.builder(ORDERS, CategoryId.of("order"))
                .keep(Period.ofDays(10), RetentionTrigger.SINCE_WITHDRAWAL).id(PolicyId.of("w")).build();
        RetentionPolicy shred = RetentionPolicy.builder(ORDERS, CategoryId.of("order")).id(PolicyId.of("s"))
                .afterEvent(Period.ofDays(1), EventName.of("x.y")).action(DisposalAction.CRYPTO_SHRED).build();
        List<Function<RetentionEngine.Builder, RetentionEngine.Builder>> bad = List.of(
                b -> b,
                b -> b.policy(photos).target(CategoryId.of("photo"), orders),
                b -> b.policy(unknownPurpose).target(CategoryId.of("order"), orders),
                b -> b.policy(withdrawalOnContract).target(CategoryId.of("order"), orders),
                b -> b.policy(ORDERS_24M),
                b -> b.policy(ORDERS_24M).target(CategoryId.of("order"), orders).target(CategoryId.of("contact"), contacts),
                b -> b.policy(shred));
        List<String> reasons = List.of("at least one policy", "does not process category photo",
                "does not declare", "not consent", "needs a retention target for category order",
                "no retention policy disposes of it", "build FieldCrypto on this kit first");
        for (int i = 0; i < bad.size(); i++) {
            RetentionEngine.Builder builder = bad.get(i).apply(RetentionEngine.builder(kit));
            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining(reasons.get(i));
        }
        assertThatThrownBy(() -> RetentionEngine.builder(kit).policy(ORDERS_24M).policy(ORDERS_24M))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> RetentionEngine.builder(kit).batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetentionEngine.builder(kit).actRetention(Period.ofYears(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 years");
    }

    @Test
    void malformedPoliciesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RetentionPolicy.builder(ORDERS, CategoryId.of("order")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> RetentionPolicy.builder(ORDERS, CategoryId.of("order")).afterEvent(Period.ZERO, EventName.of("a.b")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> EventName.of("Booking Ended"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention event name");
        assertThatThrownBy(() -> RetentionPolicy.builder(ORDERS, CategoryId.of("order")).keep(Period.ofDays(1), RetentionTrigger.SINCE_BUSINESS_EVENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("afterEvent");
        assertThatThrownBy(() -> RetentionPolicy.builder(ORDERS, CategoryId.of("order")).afterEvent(Period.ofDays(1), EventName.of("a.b")).reason(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> PolicyId.of("Bad Id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy id");
        assertThatThrownBy(() -> RetentionPolicy.builder(PurposeId.of("p".repeat(PurposeId.MAX_LENGTH)), CategoryId.of("order"))
                .afterEvent(Period.ofDays(1), EventName.of("a.b")).build())
                .as("the default id <purpose>.<category> is a policy id too")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy id");
    }

    @Test
    void under152FzDataIsNotKeptPast30DaysAfterWithdrawalWithoutALegalGround() {
        ConsentKit ru = ConsentKit.builder().catalog(Fixtures.catalog()).clock(clock).jurisdiction(Jurisdiction.RU_152FZ)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).build();
        RetentionPolicy year = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
                .keep(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL).build();
        RetentionPolicy month = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
                .keep(Period.ofMonths(1), RetentionTrigger.SINCE_WITHDRAWAL).build();

        for (RetentionPolicy tooLong : List.of(year, month)) {
            assertThatThrownBy(() -> RetentionEngine.builder(ru).policy(tooLong).target(CategoryId.of("contact"), contacts).build())
                    .as("R-RU-15").isInstanceOf(IllegalStateException.class).hasMessageContaining("152-FZ Art. 21");
        }
        RetentionPolicy justified = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
                .keep(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL)
                .overridingStatutoryPeriod("contract clause 7.2").build();
        assertThat(RetentionEngine.builder(ru).policy(justified).target(CategoryId.of("contact"), contacts).build().policies())
                .containsExactly(justified);
        assertThat(RetentionEngine.builder(ru).policy(NEWSLETTER_30D).target(CategoryId.of("contact"), contacts).build().policies())
                .containsExactly(NEWSLETTER_30D);
    }

    /** A storage whose units of work hand out a replaced retention store (to inject a failure). */
    private static final class FailingStorage extends WrappingStorage {
        FailingStorage(ConsentStorage delegate, Function<RetentionStore, RetentionStore> replace) {
            super(delegate, tx -> replaced(tx, replace), "FailingStorage");
        }

        private static StorageTransaction replaced(StorageTransaction tx, Function<RetentionStore, RetentionStore> replace) {
            java.util.Optional<RetentionStore> replaced = tx.port(RetentionStore.class).map(replace);
            return new ForwardingTransaction(tx) {
                @Override
                public <P> java.util.Optional<P> port(Class<P> type) {
                    return type == RetentionStore.class ? replaced.map(type::cast) : super.port(type);
                }
            };
        }
    }
}
