package dev.consentkit.testkit;

import dev.consentkit.testkit.fixtures.ContractSamples;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static dev.consentkit.testkit.fixtures.ContractSamples.event;
import static dev.consentkit.testkit.fixtures.ContractSamples.hash;
import static dev.consentkit.testkit.fixtures.ContractSamples.keyed;
import static dev.consentkit.testkit.fixtures.ContractSamples.state;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.spi.Reads;
import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static dev.consentkit.testkit.fixtures.ContractSamples.event;
import static dev.consentkit.testkit.fixtures.ContractSamples.hash;
import static dev.consentkit.testkit.fixtures.ContractSamples.keyed;
import static dev.consentkit.testkit.fixtures.ContractSamples.state;
import static dev.consentkit.testkit.fixtures.Fixtures.INVOICES;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.testkit.fixtures.Fixtures.PORTFOLIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.AuditChain;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.ConsentStatus;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.Notice;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.StoredAuditRow;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the ledger, projection and suppression ports and of the unit of work that joins
 * them ({@link ConsentStorage}), for every storage adapter. An adapter's test extends this class and
 * implements {@link #createStorage()}, in a few lines.
 *
 * <p>The samples hold what real data holds and naive schemas lose: microsecond times, 4-byte UTF-8
 * characters, ids that differ only in case, in Unicode normalisation or by a trailing blank,
 * absent optional fields (SQL {@code NULL}s in unique keys), ids of the longest accepted length and
 * more subjects in one bulk read than a driver binds in one statement.
 *
 * <p>Tests use only the SPI and the public API, so they hold for any implementation. A subclass:
 *
 * <pre>{@code
 * class H2ConsentStoreIT extends ConsentStoreContract {
 *     @Override
 *     protected ConsentStorage createStorage() {
 *         return JdbcStorage.create(H2Databases.freshSchema());   // empty tables for every test
 *     }
 * }
 * }</pre>
 *
 * <p>The same subclass pattern runs {@link AuditStoreContract} and {@link ConsentKitContract}. Each
 * test finishes its own checks before returning, so a subclass may drop its schema or close its
 * data source in its own {@code @AfterEach}.
 *
 * <p><b>Covers</b> {@code ConsentStorage}, {@code StorageTransaction}, {@code LedgerStore}, {@code ProjectionStore}, {@code SuppressionStore}, {@code SubjectLocks} and {@code IntegrityStore} (with the audit rows they bind). <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering the consent ports, for every test.
 */
public abstract class ConsentStoreContract {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final SubjectId BOB = SubjectId.of("client-1002");
    private static final AuditChain CHAIN = new AuditChain(Fixtures.auditKey());

    /** The store under test, fresh for each test. */
    private ConsentStorage storage;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new store with no ledger entries, states, suppression entries or audit records; it
     *         may share nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
        assertThat(snapshot()).as("a fresh store is empty").isEqualTo(StorageSnapshot.EMPTY);
    }

    // ---- ledger -----------------------------------------------------------------------------

    @Test
    void appendAssignsIncreasingSequencesAndKeepsTheEvent() {
        List<ConsentEvent> events = List.of(event(ANNA, NEWSLETTER, ConsentEvent.Kind.GIVEN),
                event(BOB, NEWSLETTER, ConsentEvent.Kind.GIVEN), event(ANNA, ORDERS, ConsentEvent.Kind.RESTRICTED),
                event(ANNA, NEWSLETTER, ConsentEvent.Kind.WITHDRAWN));
        List<LedgerEntry> entries = new ArrayList<>(storage.inTransaction(tx ->
                List.of(tx.ledger().append(events.get(0)), tx.ledger().append(events.get(1)))));
        entries.add(storage.inTransaction(tx -> tx.ledger().append(events.get(2))));
        entries.add(storage.inTransaction(tx -> tx.ledger().append(events.get(3))));

        assertThat(entries).extracting(LedgerEntry::event).containsExactlyElementsOf(events);
        assertThat(entries).extracting(LedgerEntry::sequence).allSatisfy(s -> assertThat(s).isPositive())
                .isSorted().doesNotHaveDuplicates();
        assertThat(ContractSamples.wholeLedger(storage)).containsExactlyElementsOf(entries);
    }

    @Test
    void findByIdempotencyKeyFindsOnlyTheEntryOfThatExactKey() {
        ConsentScope scope = ConsentScope.of(ANNA, NEWSLETTER);
        LedgerEntry entry = storage.inTransaction(tx -> {
            tx.ledger().append(event(scope, ConsentEvent.Kind.REQUESTED));
            return tx.ledger().append(keyed(scope, IdempotencyKey.of("Req-1")));
        });

        storage.read(tx -> {
            assertThat(tx.ledger().findByIdempotencyKey(IdempotencyKey.of("Req-1"))).contains(entry);
            // keys are compared exactly: no case folding, no trimming, no padding
            assertThat(tx.ledger().findByIdempotencyKey(IdempotencyKey.of("req-1"))).isEmpty();
            assertThat(tx.ledger().findByIdempotencyKey(IdempotencyKey.of("Req-1 "))).isEmpty();
            assertThat(tx.ledger().findByIdempotencyKey(IdempotencyKey.of("Req-"))).isEmpty();
            return null;
        });
    }

    @Test
    void keysThatDifferOnlyInCaseOrATrailingBlankAreDifferentKeys() {
        ConsentScope scope = ConsentScope.of(ANNA, NEWSLETTER);
        List<String> keys = List.of("Req-1", "req-1", "Req-1 ");
        List<LedgerEntry> entries = storage.inTransaction(tx -> keys.stream()
                .map(k -> tx.ledger().append(keyed(scope, IdempotencyKey.of(k)))).toList());

        storage.read(tx -> {
            for (int i = 0; i < keys.size(); i++) {
                assertThat(tx.ledger().findByIdempotencyKey(IdempotencyKey.of(keys.get(i)))).contains(entries.get(i));
            }
            return null;
        });
    }

    @Test
    void appendingAnAlreadyStoredIdempotencyKeyConflictsAndUndoesItsUnit() {
        ConsentScope scope = ConsentScope.of(ANNA, NEWSLETTER);
        IdempotencyKey key = IdempotencyKey.of("signup-7f3a");
        LedgerEntry first = storage.inTransaction(tx -> tx.ledger().append(keyed(scope, key)));
        StorageSnapshot before = snapshot();

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.ledger().append(event(BOB, NEWSLETTER, ConsentEvent.Kind.GIVEN));
            return tx.ledger().append(keyed(ConsentScope.of(BOB, NEWSLETTER), key));
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(byKey(key)).contains(first);
    }

    @Test
    void historyListsOneSubjectsEntriesOfEveryPurposeInSequenceOrder() {
        List<LedgerEntry> annas = new ArrayList<>();
        storage.inTransaction(tx -> {
            annas.add(tx.ledger().append(event(ANNA, NEWSLETTER, ConsentEvent.Kind.GIVEN)));
            tx.ledger().append(event(BOB, NEWSLETTER, ConsentEvent.Kind.GIVEN));
            annas.add(tx.ledger().append(event(ANNA, ORDERS, ConsentEvent.Kind.OBJECTED)));
            return null;
        });
        storage.inTransaction(tx -> {
            tx.ledger().append(event(BOB, INVOICES, ConsentEvent.Kind.RESTRICTED));
            annas.add(tx.ledger().append(event(ANNA, NEWSLETTER, ConsentEvent.Kind.WITHDRAWN)));
            return null;
        });

        assertThat(history(ANNA)).containsExactlyElementsOf(annas);
        assertThat(history(BOB)).hasSize(2)
                .allSatisfy(e -> assertThat(e.event().scope().subject()).isEqualTo(BOB));
        assertThat(history(SubjectId.of("client-9999"))).isEmpty();
    }

    @Test
    void subjectIdsThatDifferOnlyInCaseOrNormalisationAreDifferentSubjects() {
        List<SubjectId> subjects = List.of(SubjectId.of("Anna"), SubjectId.of("anna"),
                SubjectId.of(Normalizer.normalize("Renée", Normalizer.Form.NFC)),
                SubjectId.of(Normalizer.normalize("Renée", Normalizer.Form.NFD)));
        assertThat(Set.copyOf(subjects)).hasSize(4);
        Map<SubjectId, LedgerEntry> entries = storage.inTransaction(tx -> subjects.stream().collect(
                Collectors.toMap(s -> s, s -> tx.ledger().append(event(s, NEWSLETTER, ConsentEvent.Kind.GIVEN)))));
        storage.inTransaction(tx -> {
            subjects.forEach(s -> tx.projection().put(state(ConsentScope.of(s, NEWSLETTER), ConsentStatus.GIVEN,
                    entries.get(s).sequence())));
            return null;
        });

        for (SubjectId s : subjects) {
            assertThat(history(s)).as("history of %s", s).containsExactly(entries.get(s));
            assertThat(find(s, NEWSLETTER)).as("states of %s", s)
                    .singleElement().satisfies(st -> assertThat(st.sequence()).isEqualTo(entries.get(s).sequence()));
        }
        assertThat(findAll(subjects, NEWSLETTER)).containsOnlyKeys(subjects)
                .allSatisfy((s, states) -> assertThat(states).singleElement()
                        .satisfies(st -> assertThat(st.scope().subject()).isEqualTo(s)));
    }

    @Test
    void readPagesThroughTheWholeLedgerInSequenceOrder() {
        List<LedgerEntry> appended = storage.inTransaction(tx -> IntStream.range(0, 7)
                .mapToObj(i -> tx.ledger().append(event(SubjectId.of("client-" + i), NEWSLETTER, ConsentEvent.Kind.GIVEN)))
                .toList());

        List<LedgerEntry> paged = new ArrayList<>();
        long after = 0;
        for (int pages = 0; pages < 10; pages++) {
            long from = after;
            List<LedgerEntry> page = ledger(from, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }

        assertThat(paged).containsExactlyElementsOf(appended);
        long last = appended.get(6).sequence();
        long third = appended.get(2).sequence();
        assertThat(ledger(last, 10)).isEmpty();
        assertThat(ledger(third, 2)).containsExactlyElementsOf(appended.subList(3, 5));
        // the limit is an upper bound, however large
        assertThat(ledger(third, Integer.MAX_VALUE))
                .containsExactlyElementsOf(appended.subList(3, 7));
        assertThat(ledger(0, Integer.MAX_VALUE)).containsExactlyElementsOf(appended);
    }

    // ---- round trips: a store that drops or alters a field fails here ----------------------------

    @Test
    void everyFieldOfAFullyPopulatedEventRoundTrips_M4() {
        SubjectId subject = SubjectId.of("клиент " + NON_ASCII);
        ConsentEvent full = ContractSamples.fullEvent(subject, PORTFOLIO);
        LedgerEntry entry = storage.inTransaction(tx -> tx.ledger().append(full));

        assertThat(entry.event()).isEqualTo(full);
        assertThat(history(subject)).containsExactly(entry);
        assertThat(byKey(full.idempotencyKey().orElseThrow()))
                .contains(entry);
        assertThat(ledger(0, 10)).singleElement().satisfies(read -> {
            // field by field, so a failure names the field a store lost
            ConsentEvent e = read.event();
            assertThat(e.id()).isEqualTo(full.id());
            assertThat(e.scope()).isEqualTo(full.scope());
            assertThat(e.kind()).isEqualTo(full.kind());
            assertThat(e.occurredAt()).isEqualTo(full.occurredAt());
            assertThat(e.recordedAt()).isEqualTo(full.recordedAt());
            assertThat(e.notice()).isEqualTo(full.notice());
            assertThat(e.notice().orElseThrow().locale().toLanguageTag()).isEqualTo("sr-Latn-RS");
            assertThat(e.evidence()).isEqualTo(full.evidence());
            assertThat(e.validUntil()).isEqualTo(full.validUntil());
            assertThat(e.idempotencyKey()).isEqualTo(full.idempotencyKey());
            assertThat(e.requestDigest()).isEqualTo(full.requestDigest());
            assertThat(read).isEqualTo(entry);
        });
    }

    @Test
    void anEventWithEveryOptionalFieldAbsentRoundTrips() {
        ConsentEvent sparse = event(ANNA, ORDERS, ConsentEvent.Kind.RESTRICTED);
        assertThat(sparse.notice()).isEmpty();
        assertThat(sparse.evidence().formId()).isEmpty();
        LedgerEntry entry = storage.inTransaction(tx -> tx.ledger().append(sparse));

        assertThat(history(ANNA)).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(sparse);
            assertThat(e).isEqualTo(entry);
        });
    }

    @Test
    void everyKindOfEventRoundTrips() {
        List<ConsentEvent> events = new ArrayList<>();
        for (ConsentEvent.Kind kind : ConsentEvent.Kind.values()) {
            ConsentScope scope = kind.status().isPresent()
                    ? ConsentScope.of(ANNA, NEWSLETTER).withChannel(Channel.SMS)
                    : ConsentScope.of(ANNA, NEWSLETTER);
            events.add(event(scope, kind));
        }
        storage.inTransaction(tx -> {
            events.forEach(tx.ledger()::append);
            return null;
        });

        assertThat(history(ANNA)).extracting(LedgerEntry::event)
                .containsExactlyElementsOf(events);
    }

    @Test
    void idsAndReferencesOfTheLongestAcceptedLengthRoundTrip() {
        SubjectId subject = SubjectId.of("😀".repeat(SubjectId.MAX_LENGTH / 2 - 1) + "ab");
        PurposeId purpose = PurposeId.of("p" + "x".repeat(PurposeId.MAX_LENGTH - 1));
        assertThat(subject.value()).hasSize(SubjectId.MAX_LENGTH);
        ConsentScope scope = ConsentScope.of(subject, purpose).withChannel(Channel.of("c" + "h".repeat(31)))
                .withAsset(AssetId.of("Ж".repeat(AssetId.MAX_LENGTH)));
        String longRef = "ü".repeat(Evidence.MAX_REF_LENGTH);
        ConsentEvent event = new ConsentEvent(UUID.randomUUID(), scope, ConsentEvent.Kind.GIVEN, T0, T0,
                Optional.of(new NoticeRef(NoticeId.of("n" + "o".repeat(63)), new NoticeVersion(999_999, 999_999),
                        Locale.forLanguageTag("zh-Hant-TW"), Notice.sha256Hex("x"))),
                new Evidence(CollectionMethod.IMPORTED,
                        Optional.of(longRef), Optional.of(hash("a")), Optional.of(hash("b")),
                        Actor.guardian("g" + "1".repeat(Actor.MAX_LENGTH - 1)), Optional.of(longRef),
                        Optional.of(longRef)),
                Optional.of(T0.plusSeconds(1)), Optional.of(IdempotencyKey.of("ключ".repeat(32))),
                "d".repeat(64));
        ConsentState state = new ConsentState(scope, Optional.of(ConsentStatus.GIVEN), T0, event.notice(),
                event.validUntil(), Long.MAX_VALUE, false, false);

        LedgerEntry entry = storage.inTransaction(tx -> {
            tx.projection().put(state);
            return tx.ledger().append(event);
        });

        assertThat(history(subject)).containsExactly(entry);
        assertThat(entry.event()).isEqualTo(event);
        assertThat(byKey(event.idempotencyKey().orElseThrow()))
                .contains(entry);
        assertThat(find(subject, purpose)).containsExactly(state);
    }

    // ---- projection ---------------------------------------------------------------------------

    @Test
    void findReturnsEveryScopeOfOneSubjectAndPurposeAndNothingElse() {
        ConsentScope whole = ConsentScope.of(ANNA, PORTFOLIO);
        List<ConsentState> annasPortfolio = List.of(
                state(whole, ConsentStatus.GIVEN, 1),
                state(whole.withChannel(Channel.EMAIL), ConsentStatus.WITHDRAWN, 2),
                state(whole.withAsset(AssetId.of("project-42")), ConsentStatus.GIVEN, 3),
                state(whole.withChannel(Channel.EMAIL).withAsset(AssetId.of("project-42")), ConsentStatus.REFUSED, 4));
        storage.inTransaction(tx -> {
            annasPortfolio.forEach(tx.projection()::put);
            tx.projection().put(state(ConsentScope.of(ANNA, NEWSLETTER), ConsentStatus.GIVEN, 5));
            tx.projection().put(state(ConsentScope.of(BOB, PORTFOLIO), ConsentStatus.GIVEN, 6));
            return null;
        });

        assertThat(find(ANNA, PORTFOLIO))
                .containsExactlyInAnyOrderElementsOf(annasPortfolio);
        assertThat(find(BOB, NEWSLETTER)).isEmpty();
    }

    @Test
    void putReplacesTheStateOfTheSameScopeIncludingTheWholePurposeScope() {
        ConsentScope whole = ConsentScope.of(ANNA, NEWSLETTER);
        ConsentScope email = whole.withChannel(Channel.EMAIL);
        storage.inTransaction(tx -> {
            tx.projection().put(state(whole, ConsentStatus.GIVEN, 1));
            tx.projection().put(state(email, ConsentStatus.GIVEN, 2));
            return null;
        });
        ConsentState wholeLater = state(whole, ConsentStatus.WITHDRAWN, 3);
        ConsentState emailLater = new ConsentState(email, Optional.of(ConsentStatus.EXPIRED), T0.plusSeconds(9),
                Optional.empty(), Optional.empty(), 4, false, false);
        storage.inTransaction(tx -> {
            tx.projection().put(wholeLater);
            tx.projection().put(emailLater);
            return null;
        });
        // a scope whose channel and asset are absent is still one scope: a second put replaces it
        storage.inTransaction(tx -> {
            tx.projection().put(wholeLater);
            return null;
        });

        assertThat(find(ANNA, NEWSLETTER))
                .containsExactlyInAnyOrder(wholeLater, emailLater);
        assertThat(snapshot().projection().values()).containsExactlyInAnyOrder(wholeLater, emailLater);
    }

    @Test
    void findAllAnswersManySubjectsAtOnceAndOmitsThoseWithoutState() {
        SubjectId cleo = SubjectId.of("client-1003");
        SubjectId dan = SubjectId.of("client-1004");
        ConsentState annaWhole = state(ConsentScope.of(ANNA, NEWSLETTER), ConsentStatus.GIVEN, 1);
        ConsentState annaSms = state(ConsentScope.of(ANNA, NEWSLETTER).withChannel(Channel.SMS), ConsentStatus.WITHDRAWN, 2);
        ConsentState cleoWhole = state(ConsentScope.of(cleo, NEWSLETTER), ConsentStatus.REFUSED, 3);
        storage.inTransaction(tx -> {
            List.of(annaWhole, annaSms, cleoWhole).forEach(tx.projection()::put);
            tx.projection().put(state(ConsentScope.of(BOB, ORDERS), ConsentStatus.GIVEN, 4));
            tx.projection().put(state(ConsentScope.of(dan, ORDERS), ConsentStatus.GIVEN, 5));
            return null;
        });

        Map<SubjectId, List<ConsentState>> found =
                findAll(List.of(ANNA, BOB, cleo, dan), NEWSLETTER);

        assertThat(found).containsOnlyKeys(ANNA, cleo);
        assertThat(found.get(ANNA)).containsExactlyInAnyOrder(annaWhole, annaSms);
        assertThat(found.get(cleo)).containsExactly(cleoWhole);
        assertThat(findAll(List.of(), NEWSLETTER)).isEmpty();
        assertThat(findAll(List.of(BOB, dan), NEWSLETTER)).isEmpty();
    }

    @Test
    void findAllTakesMoreSubjectsThanADriverBindsInOneStatement() {
        // ConsentKit.checkAll promises 100 000 subjects; PostgreSQL and MariaDB bind at most 65 535
        // parameters per statement, so an adapter must batch or use an array parameter
        List<SubjectId> subjects = IntStream.range(0, 100_000).mapToObj(i -> SubjectId.of("s-" + i)).toList();
        List<SubjectId> withState = List.of(subjects.get(0), subjects.get(65_535), subjects.get(99_999));
        storage.inTransaction(tx -> {
            withState.forEach(s -> tx.projection().put(state(ConsentScope.of(s, NEWSLETTER), ConsentStatus.GIVEN, 1)));
            return null;
        });

        Map<SubjectId, List<ConsentState>> found = findAll(subjects, NEWSLETTER);

        assertThat(found).containsOnlyKeys(withState);
    }

    @Test
    void forPurposeStreamsEveryStateOfThatPurposeOnly() {
        List<ConsentState> newsletter = List.of(
                state(ConsentScope.of(ANNA, NEWSLETTER), ConsentStatus.GIVEN, 1),
                state(ConsentScope.of(ANNA, NEWSLETTER).withChannel(Channel.POST), ConsentStatus.WITHDRAWN, 2),
                state(ConsentScope.of(BOB, NEWSLETTER), ConsentStatus.EXPIRED, 3));
        ConsentState orders = new ConsentState(ConsentScope.of(ANNA, ORDERS), Optional.empty(), T0, Optional.empty(),
                Optional.empty(), 0, true, false);
        storage.inTransaction(tx -> {
            newsletter.forEach(tx.projection()::put);
            tx.projection().put(orders);
            return null;
        });

        assertThat(collect(c -> storage.read(tx -> run(() -> tx.projection().forPurpose(NEWSLETTER, c)))))
                .containsExactlyInAnyOrderElementsOf(newsletter);
        assertThat(collect(c -> storage.read(tx -> run(() -> tx.projection().forPurpose(ORDERS, c)))))
                .containsExactly(orders);
        assertThat(collect(c -> storage.read(tx -> run(() -> tx.projection().forPurpose(INVOICES, c))))).isEmpty();
        List<ConsentState> everything = new ArrayList<>(newsletter);
        everything.add(orders);
        assertThat(snapshot().projection().values()).containsExactlyInAnyOrderElementsOf(everything);
    }

    @Test
    void everyFieldOfAStateRoundTrips() {
        ConsentScope narrow = ConsentScope.of(SubjectId.of(NON_ASCII), PORTFOLIO).withChannel(Channel.of("telegram"))
                .withAsset(AssetId.of("фото №7 😀"));
        ConsentState full = new ConsentState(narrow, Optional.of(ConsentStatus.RENEWED_GIVEN), T0,
                ContractSamples.fullEvent(ANNA, PORTFOLIO).notice(), Optional.of(T0.plus(999_999_999, java.time.temporal.ChronoUnit.MICROS)), 42,
                false, false);
        ConsentState limitsOnly = new ConsentState(ConsentScope.of(SubjectId.of(NON_ASCII), PORTFOLIO),
                Optional.empty(), Instant.EPOCH.plus(1, java.time.temporal.ChronoUnit.MICROS), Optional.empty(), Optional.empty(), 0, true, true);
        List<ConsentState> statuses = new ArrayList<>();
        for (ConsentStatus status : ConsentStatus.values()) {
            statuses.add(new ConsentState(ConsentScope.of(BOB, NEWSLETTER).withChannel(Channel.of("c-" + status.ordinal())),
                    Optional.of(status), T0, Optional.empty(), Optional.empty(), 100 + status.ordinal(),
                    status.ordinal() % 2 == 0, status.ordinal() % 3 == 0));
        }
        storage.inTransaction(tx -> {
            tx.projection().put(full);
            tx.projection().put(limitsOnly);
            statuses.forEach(tx.projection()::put);
            return null;
        });

        assertThat(find(SubjectId.of(NON_ASCII), PORTFOLIO))
                .containsExactlyInAnyOrder(full, limitsOnly);
        assertThat(find(BOB, NEWSLETTER))
                .containsExactlyInAnyOrderElementsOf(statuses);
    }

    // ---- suppression --------------------------------------------------------------------------

    @Test
    void addIsTrueOnlyForANewHashAndPurposePair_M18() {
        KeyedHash anna = hash("anna@example.org");
        List<Add> adds = List.of(
                new Add(new SuppressionEntry(anna, Optional.of(NEWSLETTER), T0), true),
                new Add(new SuppressionEntry(anna, Optional.of(NEWSLETTER), T0.plusSeconds(60)), false),
                new Add(new SuppressionEntry(anna, Optional.of(ORDERS), T0), true),
                new Add(new SuppressionEntry(anna, Optional.empty(), T0), true),
                // an all-purpose entry is a pair too: its absent purpose must not make every add look new
                new Add(new SuppressionEntry(anna, Optional.empty(), T0.plusSeconds(60)), false),
                new Add(new SuppressionEntry(hash("bob@example.org"), Optional.of(NEWSLETTER), T0), true));

        for (Add add : adds) {
            boolean added = storage.inTransaction(tx -> tx.suppression().add(add.entry()));
            assertThat(added).as("add %s", add.entry()).isEqualTo(add.isNew());
        }
        KeyedHash bob = hash("bob@example.org");
        assertThat(suppressed(List.of(anna, bob), NEWSLETTER)).containsExactlyInAnyOrder(anna, bob);
        assertThat(suppressed(List.of(anna, bob), ORDERS)).containsExactly(anna);
        assertThat(suppressed(List.of(anna, bob), INVOICES)).as("anna everywhere, bob for the newsletter only")
                .containsExactly(anna);
    }

    @Test
    void suppressedMatchesPurposeSpecificAndAllPurposeEntries_M18() {
        KeyedHash forNewsletter = hash("news-only@example.org");
        KeyedHash everywhere = hash("nowhere@example.org");
        KeyedHash clean = hash("clean@example.org");
        storage.inTransaction(tx -> {
            tx.suppression().add(new SuppressionEntry(forNewsletter, Optional.of(NEWSLETTER), T0));
            tx.suppression().add(new SuppressionEntry(everywhere, Optional.empty(), T0));
            return null;
        });
        List<KeyedHash> asked = List.of(forNewsletter, everywhere, clean);

        assertThat(suppressed(asked, NEWSLETTER))
                .containsExactlyInAnyOrder(forNewsletter, everywhere);
        assertThat(suppressed(asked, ORDERS)).containsExactly(everywhere);
        assertThat(suppressed(List.of(clean), NEWSLETTER)).isEmpty();
        assertThat(suppressed(List.of(), NEWSLETTER)).isEmpty();
    }

    @Test
    void suppressionHashesAreComparedExactlyAndEntriesRoundTrip() {
        KeyedHash lower = new KeyedHash("abcdefghijklmnopqrstuvwxyz0123456789-_abcde");
        KeyedHash upper = new KeyedHash(lower.value().toUpperCase(Locale.ROOT));
        SuppressionEntry purposeEntry = new SuppressionEntry(lower, Optional.of(NEWSLETTER), T0);
        SuppressionEntry everywhereEntry = new SuppressionEntry(hash("x"), Optional.empty(), T0.plus(1, java.time.temporal.ChronoUnit.MICROS));
        storage.inTransaction(tx -> {
            assertThat(tx.suppression().add(purposeEntry)).isTrue();
            assertThat(tx.suppression().add(everywhereEntry)).isTrue();
            return null;
        });

        assertThat(suppressed(List.of(lower, everywhereEntry.hash()), NEWSLETTER))
                .containsExactlyInAnyOrder(lower, everywhereEntry.hash());
        assertThat(suppressed(List.of(lower, everywhereEntry.hash()), ORDERS)).containsExactly(everywhereEntry.hash());
        assertThat(suppressed(List.of(upper), NEWSLETTER)).isEmpty();
        boolean added = storage.inTransaction(tx -> tx.suppression().add(new SuppressionEntry(upper,
                Optional.of(NEWSLETTER), T0)));
        assertThat(added).as("a hash differing only in case is another hash").isTrue();
    }

    // ---- the unit of work ---------------------------------------------------------------------

    @Test
    void aUnitThatThrowsAfterWritingLeavesNothingHalfWritten() {
        ConsentScope scope = ConsentScope.of(ANNA, NEWSLETTER);
        storage.inTransaction(tx -> {
            LedgerEntry e = tx.ledger().append(event(scope, ConsentEvent.Kind.GIVEN));
            tx.projection().put(state(scope, ConsentStatus.GIVEN, e.sequence()));
            tx.suppression().add(new SuppressionEntry(hash("kept"), Optional.empty(), T0));
            appendAudit(tx, "consent.given");
            tx.audit().saveMark(new AuditMark.Checkpoint(checkpointOfHead(tx)));
            return null;
        });
        StorageSnapshot before = snapshot();
        IdempotencyKey key = IdempotencyKey.of("lost-request");
        RuntimeException boom = new IllegalStateException("the host's code failed after the writes");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            LedgerEntry e = tx.ledger().append(keyed(scope.withChannel(Channel.EMAIL), key));
            tx.ledger().append(event(BOB, ORDERS, ConsentEvent.Kind.OBJECTED));
            tx.projection().put(state(scope, ConsentStatus.WITHDRAWN, e.sequence())); // replaces a committed state
            tx.projection().put(state(scope.withChannel(Channel.EMAIL), ConsentStatus.GIVEN, e.sequence()));
            tx.suppression().add(new SuppressionEntry(hash("lost"), Optional.of(NEWSLETTER), T0));
            appendAudit(tx, "consent.withdrawn");
            tx.audit().saveMark(new AuditMark.Checkpoint(checkpointOfHead(tx)));
            throw boom;
        })).isSameAs(boom);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(suppressed(List.of(hash("kept"), hash("lost")), NEWSLETTER)).containsExactly(hash("kept"));
        // the rolled-back unit left no trace that blocks the next one
        assertThat(byKey(key)).isEmpty();
        LedgerEntry next = storage.inTransaction(tx -> {
            appendAudit(tx, "consent.given");
            return tx.ledger().append(keyed(scope, key));
        });
        assertThat(next.sequence()).isGreaterThan(before.ledger().get(0).sequence());
        assertThat(auditHead()).get().extracting(StoredAuditRow::sequence).isEqualTo(2L);
    }

    @Test
    void aUnitSeesItsOwnWritesAndLaterUnitsSeeCommittedOnes() {
        ConsentScope scope = ConsentScope.of(ANNA, NEWSLETTER);
        IdempotencyKey key = IdempotencyKey.of("k-1");
        String returned = storage.inTransaction(tx -> {
            LedgerEntry e = tx.ledger().append(keyed(scope, key));
            assertThat(tx.ledger().findByIdempotencyKey(key)).contains(e);
            assertThat(Reads.history(tx, ANNA)).containsExactly(e);
            ConsentState s = state(scope, ConsentStatus.GIVEN, e.sequence());
            tx.projection().put(s);
            assertThat(Reads.states(tx, ANNA, NEWSLETTER)).containsExactly(s);
            SuppressionEntry entry = new SuppressionEntry(hash("seen"), Optional.empty(), T0);
            tx.suppression().add(entry);
            assertThat(tx.suppression().add(entry)).isFalse();
            StoredAuditRow r = appendAudit(tx, "consent.given");
            assertThat(tx.audit().head()).contains(r);
            return "what the work returned";
        });

        assertThat(returned).isEqualTo("what the work returned");
        StorageSnapshot after = snapshot();
        assertThat(after.ledger()).hasSize(1);
        assertThat(after.projection()).hasSize(1);
        assertThat(suppressed(List.of(hash("seen")), ORDERS)).hasSize(1);
        assertThat(after.audit()).hasSize(1);
        String read = storage.read(tx -> Reads.history(tx, ANNA).size() + " entry");
        assertThat(read).isEqualTo("1 entry");
    }

    @Test
    void aReadOnlyUnitRefusesToWrite() {
        ConsentScope scope = ConsentScope.of(ANNA, NEWSLETTER);

        assertThatThrownBy(() -> storage.read(tx -> tx.ledger().append(event(scope, ConsentEvent.Kind.GIVEN))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> storage.read(tx -> run(() -> tx.projection().put(state(scope, ConsentStatus.GIVEN, 1)))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> storage.read(tx -> tx.suppression().add(new SuppressionEntry(hash("x"), Optional.empty(), T0))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> storage.read(tx -> run(() -> appendAudit(tx, "consent.given"))))
                .isInstanceOf(RuntimeException.class);

        assertThat(snapshot()).isEqualTo(StorageSnapshot.EMPTY);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<LedgerEntry> history(SubjectId subject) {
        return storage.read(tx -> Reads.history(tx, subject));
    }

    private Optional<LedgerEntry> byKey(IdempotencyKey key) {
        return storage.read(tx -> tx.ledger().findByIdempotencyKey(key));
    }

    private List<LedgerEntry> ledger(long afterSequence, int limit) {
        return storage.read(tx -> Reads.entries(tx, afterSequence, limit));
    }

    private List<ConsentState> find(SubjectId subject, PurposeId purpose) {
        return storage.read(tx -> Reads.states(tx, subject, purpose));
    }

    private Map<SubjectId, List<ConsentState>> findAll(Collection<SubjectId> subjects, PurposeId purpose) {
        return storage.read(tx -> tx.projection().findAll(subjects, purpose));
    }

    private Set<KeyedHash> suppressed(Collection<KeyedHash> hashes, PurposeId purpose) {
        return storage.read(tx -> tx.suppression().suppressed(hashes, purpose));
    }

    private Optional<StoredAuditRow> auditHead() {
        return storage.read(tx -> tx.audit().head());
    }

    /** Writes an entry and links it at once, as the sequencer would after the commit. */
    private static StoredAuditRow appendAudit(StorageTransaction tx, String action) {
        AuditEvent event = new AuditEvent(T0, Actor.subject(), new AuditAction(action), Optional.of(hash("subject")),
                Optional.of(NEWSLETTER), AuditOutcome.SUCCESS, Optional.empty());
        tx.audit().add(event, Optional.empty(), CHAIN.entryMac(event, Optional.empty()));
        List<StoredAuditRow> linked = CHAIN.link(tx.audit().head(), tx.audit().pending(10));
        tx.audit().link(linked);
        return linked.get(linked.size() - 1);
    }

    private static AuditCheckpoint checkpointOfHead(StorageTransaction tx) {
        StoredAuditRow head = tx.audit().head().orElseThrow();
        return new AuditCheckpoint(head.sequence(), head.link(), T0);
    }

    private static Void run(Runnable action) {
        action.run();
        return null;
    }

    private static List<ConsentState> collect(Consumer<Consumer<ConsentState>> source) {
        List<ConsentState> sink = new ArrayList<>();
        source.accept(sink::add);
        return sink;
    }

    private StorageSnapshot snapshot() {
        StorageSnapshot snapshot = StorageSnapshot.of(storage);
        assertThat(snapshot.projectionRows()).as("one state per scope").isEqualTo(snapshot.projection().size());
        return snapshot;
    }

    /** A suppression addition and whether it must be new. */
    private record Add(SuppressionEntry entry, boolean isNew) {
    }
}
