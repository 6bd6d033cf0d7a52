package dev.consentkit.testkit.feature;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.IndexName;
import dev.consentkit.testkit.ConsentStoreContract;
import static dev.consentkit.testkit.fixtures.ContractSamples.NON_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the blind-index port ({@link BlindIndexStore}) for every storage adapter. An
 * adapter's test extends this class and implements {@link #createStorage()}, in a few lines, as for
 * {@link ConsentStoreContract}.
 *
 * <p>The samples hold what naive schemas lose: values and subject ids that differ only in case or in
 * Unicode normalisation, names, values and fields of the longest accepted length, and subject ids
 * with 4-byte UTF-8 characters. Entries carry their key group, so shredding one group of a subject
 * removes that group's entries and no other (issue 12, finding 5), and their normalisation version,
 * so two versions of one index never answer for each other (finding 10).
 *
 * <p><b>Covers</b> field protection's {@code BlindIndexStore}, offered through {@code tx.port(BlindIndexStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class BlindIndexStoreContract {
    private static final String EMAIL = "client.email";
    private static final String PHONE = "client.phone";
    private static final String CONTRACT = "contract";
    private static final String MARKETING = "marketing";
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    private static final SubjectId BOB = SubjectId.of("client-1002");
    private static final SubjectId CAROL = SubjectId.of("client-1003");

    private ConsentStorage storage;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store; it may share nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
        assertThat(find(EMAIL, "aGVsbG8")).as("a fresh store is empty").isEmpty();
    }

    private static BlindIndexEntry entry(String index, String value, SubjectId subject) {
        return entry(index, 1, value, subject, CONTRACT);
    }

    private static BlindIndexEntry entry(String index, int version, String value, SubjectId subject, String group) {
        return new BlindIndexEntry(IndexName.of(index), version, value, subject, KeyGroup.of(group), index.equals(PHONE) ? "client.phone" : "client.email");
    }

    // ---- put and find -----------------------------------------------------------------------------

    @Test
    void anEntryIsFoundByItsIndexVersionAndValueOnly() {
        put(entry(EMAIL, "aGVsbG8", ANNA));

        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
        assertThat(find(PHONE, "aGVsbG8")).as("another index").isEmpty();
        assertThat(findIn(EMAIL, 2, "aGVsbG8")).as("another version").isEmpty();
        assertThat(find(EMAIL, "aGVsbG")).as("a prefix of the value").isEmpty();
        assertThat(find(EMAIL, "aGVsbG8-")).isEmpty();
        assertThat(find("client", "aGVsbG8")).isEmpty();
    }

    @Test
    void namesValuesFieldsAndSubjectsOfTheLongestAcceptedLengthRoundTrip() {
        String index = "i" + "n.-_0".repeat(12) + "ame";
        String value = "Az09-_".repeat(10) + "zZ-_";
        String oneField = "t" + "a".repeat(63) + ".c" + "b".repeat(63);
        String field = String.join("+", java.util.Collections.nCopies(8, oneField));
        String group = "g" + "r-_0".repeat(7) + "oup";
        SubjectId subject = SubjectId.of("😀".repeat(SubjectId.MAX_LENGTH / 2 - 1) + "ab");
        SubjectId other = SubjectId.of("клиент " + NON_ASCII);
        assertThat(index).hasSize(64);
        assertThat(value).hasSize(64);
        assertThat(group).hasSize(32);
        assertThat(field).hasSize(1039);
        assertThat(subject.value()).hasSize(SubjectId.MAX_LENGTH);
        put(new BlindIndexEntry(IndexName.of(index), BlindIndexEntry.MAX_VERSION, value, subject, KeyGroup.of(group), field),
                new BlindIndexEntry(IndexName.of(index), BlindIndexEntry.MAX_VERSION, value, other, KeyGroup.of(group), field));

        assertThat(findIn(index, BlindIndexEntry.MAX_VERSION, value)).containsExactlyInAnyOrder(subject, other);
        assertThat(removeGroups(subject, group)).isEqualTo(1);
        assertThat(findIn(index, BlindIndexEntry.MAX_VERSION, value)).containsExactly(other);
    }

    @Test
    void putIsIdempotentWithinAUnitAndAcrossUnits() {
        BlindIndexEntry entry = entry(EMAIL, "aGVsbG8", ANNA);
        storage.inTransaction(tx -> {
            BlindIndexStore.in(tx).put(entry);
            BlindIndexStore.in(tx).put(entry);
            assertThat(BlindIndexStore.in(tx).find(IndexName.of(EMAIL), 1, "aGVsbG8")).containsExactly(ANNA);
            return null;
        });
        put(entry);
        // and the unit that put an entry again still commits its other writes
        storage.inTransaction(tx -> {
            BlindIndexStore.in(tx).put(entry);
            BlindIndexStore.in(tx).put(entry(PHONE, "NzkwMQ", ANNA));
            return null;
        });

        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(removeSubject(ANNA)).as("one row per distinct entry").isEqualTo(2);
    }

    @Test
    void puttingAnEntryAgainWithAnotherGroupMovesItToThatGroup() {
        put(entry(EMAIL, 1, "aGVsbG8", ANNA, MARKETING));
        put(entry(EMAIL, 1, "aGVsbG8", ANNA, CONTRACT));

        assertThat(removeGroups(ANNA, MARKETING)).isZero();
        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
        assertThat(removeGroups(ANNA, CONTRACT)).isEqualTo(1);
        assertThat(find(EMAIL, "aGVsbG8")).isEmpty();
    }

    @Test
    void oneValueInTwoVersionsIsTwoEntriesThatAnswerOnlyTheirOwnVersion() {
        put(entry(EMAIL, 1, "c2FtZQ", ANNA, CONTRACT), entry(EMAIL, 2, "c2FtZQ", ANNA, CONTRACT),
                entry(EMAIL, 2, "bmV3", BOB, CONTRACT));

        assertThat(findIn(EMAIL, 1, "c2FtZQ")).containsExactly(ANNA);
        assertThat(findIn(EMAIL, 2, "c2FtZQ")).containsExactly(ANNA);
        assertThat(findIn(EMAIL, 1, "bmV3")).isEmpty();
        assertThat(findIn(EMAIL, 3, "c2FtZQ")).isEmpty();
        assertThat(remove(EMAIL, ANNA)).as("remove takes every version").isEqualTo(2);
        assertThat(findIn(EMAIL, 2, "bmV3")).containsExactly(BOB);
    }

    @Test
    void findReturnsEveryCollidingSubject() {
        put(entry(EMAIL, "Y29sbGlkZQ", ANNA), entry(EMAIL, "Y29sbGlkZQ", BOB),
                entry(EMAIL, "Y29sbGlkZQ", CAROL), entry(EMAIL, "b3RoZXI", ANNA),
                entry(PHONE, "Y29sbGlkZQ", ANNA));

        assertThat(find(EMAIL, "Y29sbGlkZQ")).containsExactlyInAnyOrder(ANNA, BOB, CAROL);
        assertThat(find(EMAIL, "b3RoZXI")).containsExactly(ANNA);
        assertThat(find(PHONE, "Y29sbGlkZQ")).containsExactly(ANNA);
    }

    @Test
    void valuesThatDifferOnlyInCaseAreDifferentValues() {
        put(entry(EMAIL, "abc", ANNA), entry(EMAIL, "ABC", BOB), entry(EMAIL, "aBc", CAROL));

        assertThat(find(EMAIL, "abc")).containsExactly(ANNA);
        assertThat(find(EMAIL, "ABC")).containsExactly(BOB);
        assertThat(find(EMAIL, "aBc")).containsExactly(CAROL);
        assertThat(find(EMAIL, "Abc")).isEmpty();
    }

    @Test
    void subjectIdsThatDifferOnlyInCaseOrNormalisationAreDifferentSubjects() {
        List<SubjectId> subjects = List.of(SubjectId.of("Anna"), SubjectId.of("anna"),
                SubjectId.of(Normalizer.normalize("Renée", Normalizer.Form.NFC)),
                SubjectId.of(Normalizer.normalize("Renée", Normalizer.Form.NFD)));
        put(subjects.stream().map(s -> entry(EMAIL, "c2FtZQ", s)).toArray(BlindIndexEntry[]::new));

        assertThat(find(EMAIL, "c2FtZQ")).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(removeSubject(SubjectId.of("anna"))).isEqualTo(1);
        assertThat(remove(EMAIL, subjects.get(2))).isEqualTo(1);
        assertThat(find(EMAIL, "c2FtZQ")).containsExactlyInAnyOrder(subjects.get(0), subjects.get(3));
    }

    // ---- removal ----------------------------------------------------------------------------------

    @Test
    void removeTakesOneSubjectsValuesOfOneIndex() {
        put(entry(EMAIL, "d29yaw", ANNA), entry(EMAIL, "aG9tZQ", ANNA), entry(PHONE, "NzkwMQ", ANNA),
                entry(EMAIL, "d29yaw", BOB));

        assertThat(remove(EMAIL, ANNA)).isEqualTo(2);

        assertThat(find(EMAIL, "d29yaw")).containsExactly(BOB);
        assertThat(find(EMAIL, "aG9tZQ")).isEmpty();
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(remove(EMAIL, ANNA)).isZero();
        assertThat(remove("client.name", BOB)).isZero();
    }

    @Test
    void removeSubjectTakesEveryEntryOfTheSubjectOnly() {
        put(entry(EMAIL, "d29yaw", ANNA), entry(EMAIL, "aG9tZQ", ANNA), entry(PHONE, 2, "NzkwMQ", ANNA, MARKETING),
                entry(EMAIL, "d29yaw", BOB));

        assertThat(removeSubject(ANNA)).isEqualTo(3);

        assertThat(find(EMAIL, "d29yaw")).containsExactly(BOB);
        assertThat(find(EMAIL, "aG9tZQ")).isEmpty();
        assertThat(findIn(PHONE, 2, "NzkwMQ")).isEmpty();
        assertThat(removeSubject(ANNA)).isZero();
        assertThat(removeSubject(CAROL)).isZero();
    }

    @Test
    void removeGroupsTakesTheSubjectsEntriesOfThoseGroupsOnly_finding5() {
        put(entry(EMAIL, 1, "d29yaw", ANNA, CONTRACT), entry(EMAIL, 2, "d29yaw", ANNA, CONTRACT),
                entry(PHONE, 1, "NzkwMQ", ANNA, MARKETING), entry(EMAIL, 1, "d29yaw", BOB, CONTRACT),
                entry("client.name", 1, "bmFtZQ", ANNA, "billing"));

        assertThat(removeGroups(ANNA, CONTRACT)).isEqualTo(2);

        assertThat(find(EMAIL, "d29yaw")).containsExactly(BOB);
        assertThat(findIn(EMAIL, 2, "d29yaw")).isEmpty();
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(removeGroups(ANNA, CONTRACT)).isZero();
        assertThat(removeGroups(ANNA, MARKETING, "billing", "unknown")).isEqualTo(2);
        assertThat(find(PHONE, "NzkwMQ")).isEmpty();
        assertThat(find("client.name", "bmFtZQ")).isEmpty();
        assertThat(removeGroups(CAROL, CONTRACT)).isZero();
    }

    @Test
    void removeGroupsNeedsAGroup() {
        put(entry(EMAIL, "d29yaw", ANNA));

        assertThatThrownBy(() -> storage.inTransaction(tx -> BlindIndexStore.in(tx).removeGroups(ANNA, Set.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key group");
        assertThat(find(EMAIL, "d29yaw")).containsExactly(ANNA);
    }

    @Test
    void attributingFindsNothingToDoWhenEveryEntryHasAGroupAndChecksItsArguments() {
        put(entry(EMAIL, 1, "d29yaw", ANNA, MARKETING));

        assertThat(this.<Integer>write(i -> i.attribute(IndexName.of(EMAIL), KeyGroup.of(CONTRACT), "client.email"))).isZero();
        assertThat(removeGroups(ANNA, CONTRACT)).as("an attributed entry keeps its group").isZero();
        assertThatThrownBy(() -> storage.inTransaction(tx -> BlindIndexStore.in(tx).attribute(IndexName.of(EMAIL), KeyGroup.of("Contract"), "client.email")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.inTransaction(tx -> BlindIndexStore.in(tx).attribute(IndexName.of(EMAIL), KeyGroup.of(CONTRACT), "email")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- re-indexing ------------------------------------------------------------------------------

    @Test
    void pagingThroughOlderEntriesVisitsEverySubjectWithAnOlderEntryOnce() {
        List<SubjectId> old = List.of(SubjectId.of("a"), SubjectId.of("B"), SubjectId.of("b"), SubjectId.of("client-10"),
                SubjectId.of("client-9"), SubjectId.of("клиент"), SubjectId.of("😀"), SubjectId.of(NON_ASCII),
                SubjectId.of(Normalizer.normalize("Renée", Normalizer.Form.NFC)),
                SubjectId.of(Normalizer.normalize("Renée", Normalizer.Form.NFD)));
        List<BlindIndexEntry> entries = new ArrayList<>();
        for (SubjectId s : old) {
            entries.add(entry(EMAIL, 1, "b2xk", s, CONTRACT));
            entries.add(entry(EMAIL, 1, "b3RoZXI", s, CONTRACT));
        }
        entries.add(entry(EMAIL, 2, "bmV3", ANNA, CONTRACT));
        entries.add(entry(EMAIL, 3, "bmV3ZXI", BOB, CONTRACT));
        entries.add(entry(PHONE, 1, "b2xk", CAROL, CONTRACT));
        put(entries.toArray(BlindIndexEntry[]::new));

        for (int limit : new int[] {1, 3, 10_000}) {
            List<SubjectId> seen = new ArrayList<>();
            Optional<SubjectId> after = Optional.empty();
            while (true) {
                Optional<SubjectId> cursor = after;
                List<SubjectId> page = older(EMAIL, 2, cursor, limit);
                assertThat(page).hasSizeLessThanOrEqualTo(limit);
                if (page.isEmpty()) {
                    break;
                }
                seen.addAll(page);
                after = Optional.of(page.get(page.size() - 1));
            }
            assertThat(seen).as("limit " + limit).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(old);
        }
        assertThat(older(EMAIL, 3, Optional.empty(), 100)).hasSize(old.size() + 1).contains(ANNA);
        assertThat(older(EMAIL, 1, Optional.empty(), 100)).isEmpty();
        assertThat(older("client.name", 5, Optional.empty(), 100)).isEmpty();
        assertThatThrownBy(() -> older(EMAIL, 2, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> older(EMAIL, 2, Optional.empty(), 10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removeOlderThanTakesOnlyTheLowerVersionsOfThatIndexAndSubject() {
        put(entry(EMAIL, 1, "b2xk", ANNA, CONTRACT), entry(EMAIL, 2, "bWlk", ANNA, CONTRACT),
                entry(EMAIL, 3, "bmV3", ANNA, CONTRACT), entry(PHONE, 1, "b2xk", ANNA, CONTRACT),
                entry(EMAIL, 1, "b2xk", BOB, CONTRACT));

        assertThat(this.<Integer>write(i -> i.removeOlderThan(IndexName.of(EMAIL), 3, ANNA))).isEqualTo(2);
        assertThat(this.<Integer>write(i -> i.removeOlderThan(IndexName.of(EMAIL), 3, ANNA))).isZero();

        assertThat(findIn(EMAIL, 3, "bmV3")).containsExactly(ANNA);
        assertThat(find(PHONE, "b2xk")).containsExactly(ANNA);
        assertThat(find(EMAIL, "b2xk")).containsExactly(BOB);
        assertThat(findIn(EMAIL, 2, "bWlk")).isEmpty();
    }

    // ---- the unit of work ---------------------------------------------------------------------------

    @Test
    void aUnitThatThrowsAfterWritingIndexesLeavesNothing() {
        put(entry(EMAIL, "a2VwdA", ANNA), entry(PHONE, 1, "NzkwMQ", ANNA, MARKETING), entry(EMAIL, "a2VwdA", BOB),
                entry(EMAIL, 1, "bW92ZQ", CAROL, MARKETING));
        RuntimeException boom = new IllegalStateException("the host's code failed after the writes");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            BlindIndexStore.in(tx).put(entry(EMAIL, "bG9zdA", CAROL));
            BlindIndexStore.in(tx).put(entry(EMAIL, "a2VwdA", CAROL));
            BlindIndexStore.in(tx).put(entry(EMAIL, 1, "bW92ZQ", CAROL, CONTRACT));
            BlindIndexStore.in(tx).remove(IndexName.of(EMAIL), ANNA);
            BlindIndexStore.in(tx).removeSubject(BOB);
            BlindIndexStore.in(tx).removeGroups(ANNA, List.of(KeyGroup.of(MARKETING)));
            BlindIndexStore.in(tx).removeOlderThan(IndexName.of(EMAIL), 2, CAROL);
            BlindIndexStore.in(tx).put(entry(EMAIL, 2, "bmV3", CAROL, CONTRACT));
            assertThat(BlindIndexStore.in(tx).find(IndexName.of(EMAIL), 1, "a2VwdA")).isEmpty();
            throw boom;
        })).isSameAs(boom);

        assertThat(find(EMAIL, "a2VwdA")).containsExactlyInAnyOrder(ANNA, BOB);
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(find(EMAIL, "bG9zdA")).isEmpty();
        assertThat(findIn(EMAIL, 2, "bmV3")).isEmpty();
        assertThat(removeGroups(CAROL, CONTRACT)).as("the re-grouped entry is back in its old group").isZero();
        assertThat(removeGroups(CAROL, MARKETING)).as("nothing else of the failed unit is left").isEqualTo(1);
        // the rolled-back unit left no trace that blocks the next one
        put(entry(EMAIL, "bG9zdA", CAROL));
        assertThat(find(EMAIL, "bG9zdA")).containsExactly(CAROL);
    }

    @Test
    void aReadOnlyUnitRefusesToWriteIndexes() {
        BlindIndexEntry entry = entry(EMAIL, "aGVsbG8", ANNA);
        put(entry);

        assertThatThrownBy(() -> storage.read(tx -> run(() -> BlindIndexStore.in(tx).put(entry(EMAIL, "aGVsbG8", BOB)))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> BlindIndexStore.in(tx).remove(IndexName.of(EMAIL), ANNA)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> BlindIndexStore.in(tx).removeSubject(ANNA)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> BlindIndexStore.in(tx).removeGroups(ANNA, List.of(KeyGroup.of(CONTRACT)))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> BlindIndexStore.in(tx).removeOlderThan(IndexName.of(EMAIL), 2, ANNA)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> BlindIndexStore.in(tx).attribute(IndexName.of(EMAIL), KeyGroup.of(CONTRACT), "client.email")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void put(BlindIndexEntry... entries) {
        storage.inTransaction(tx -> {
            for (BlindIndexEntry e : entries) {
                BlindIndexStore.in(tx).put(e);
            }
            return null;
        });
    }

    /** Version 1, the version of every entry stored before versions were recorded. */
    private List<SubjectId> find(String index, String value) {
        return read(indexes -> indexes.find(IndexName.of(index), 1, value));
    }

    private List<SubjectId> findIn(String index, int version, String value) {
        return read(indexes -> indexes.find(IndexName.of(index), version, value));
    }

    private List<SubjectId> older(String index, int version, Optional<SubjectId> after, int limit) {
        return read(indexes -> indexes.olderThan(IndexName.of(index), version, after, limit));
    }

    private int remove(String index, SubjectId subject) {
        return storage.inTransaction(tx -> BlindIndexStore.in(tx).remove(IndexName.of(index), subject));
    }

    private int removeSubject(SubjectId subject) {
        return storage.inTransaction(tx -> BlindIndexStore.in(tx).removeSubject(subject));
    }

    private int removeGroups(SubjectId subject, String... groups) {
        return storage.inTransaction(tx -> BlindIndexStore.in(tx).removeGroups(subject,
                Stream.of(groups).map(KeyGroup::of).toList()));
    }

    private <T> T write(Function<BlindIndexStore, T> work) {
        return storage.inTransaction(tx -> work.apply(BlindIndexStore.in(tx)));
    }

    private <T> T read(Function<BlindIndexStore, T> query) {
        return storage.read(tx -> query.apply(BlindIndexStore.in(tx)));
    }

    private static Void run(Runnable action) {
        action.run();
        return null;
    }
}
