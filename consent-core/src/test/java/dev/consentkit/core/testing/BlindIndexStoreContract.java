package dev.consentkit.core.testing;

import static dev.consentkit.core.testing.ContractSamples.NON_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.BlindIndexEntry;
import dev.consentkit.core.spi.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the blind-index port ({@link BlindIndexStore}) for every storage adapter. An
 * adapter's test extends this class and implements {@link #createStorage()}, in a few lines, as for
 * {@link ConsentStoreContract}.
 *
 * <p>The samples hold what naive schemas lose: values and subject ids that differ only in case or in
 * Unicode normalisation, names and values of the longest accepted length, and subject ids with 4-byte
 * UTF-8 characters.
 */
public abstract class BlindIndexStoreContract {
    private static final String EMAIL = "client.email";
    private static final String PHONE = "client.phone";
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

    // ---- put and find -----------------------------------------------------------------------------

    @Test
    void anEntryIsFoundByItsIndexAndValueOnly() {
        put(new BlindIndexEntry(EMAIL, "aGVsbG8", ANNA));

        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
        assertThat(find(PHONE, "aGVsbG8")).as("another index").isEmpty();
        assertThat(find(EMAIL, "aGVsbG")).as("a prefix of the value").isEmpty();
        assertThat(find(EMAIL, "aGVsbG8-")).isEmpty();
        assertThat(find("client", "aGVsbG8")).isEmpty();
    }

    @Test
    void namesValuesAndSubjectsOfTheLongestAcceptedLengthRoundTrip() {
        String index = "i" + "n.-_0".repeat(12) + "ame";
        String value = "Az09-_".repeat(10) + "zZ-_";
        SubjectId subject = SubjectId.of("😀".repeat(SubjectId.MAX_LENGTH / 2 - 1) + "ab");
        SubjectId other = SubjectId.of("клиент " + NON_ASCII);
        assertThat(index).hasSize(64);
        assertThat(value).hasSize(64);
        assertThat(subject.value()).hasSize(SubjectId.MAX_LENGTH);
        put(new BlindIndexEntry(index, value, subject), new BlindIndexEntry(index, value, other));

        assertThat(find(index, value)).containsExactlyInAnyOrder(subject, other);
        assertThat(remove(index, subject)).isEqualTo(1);
        assertThat(find(index, value)).containsExactly(other);
    }

    @Test
    void putIsIdempotentWithinAUnitAndAcrossUnits() {
        BlindIndexEntry entry = new BlindIndexEntry(EMAIL, "aGVsbG8", ANNA);
        storage.inTransaction(tx -> {
            tx.blindIndexes().put(entry);
            tx.blindIndexes().put(entry);
            assertThat(tx.blindIndexes().find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
            return null;
        });
        put(entry);
        // and the unit that put an entry again still commits its other writes
        storage.inTransaction(tx -> {
            tx.blindIndexes().put(entry);
            tx.blindIndexes().put(new BlindIndexEntry(PHONE, "NzkwMQ", ANNA));
            return null;
        });

        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(removeSubject(ANNA)).as("one row per distinct entry").isEqualTo(2);
    }

    @Test
    void findReturnsEveryCollidingSubject() {
        put(new BlindIndexEntry(EMAIL, "Y29sbGlkZQ", ANNA), new BlindIndexEntry(EMAIL, "Y29sbGlkZQ", BOB),
                new BlindIndexEntry(EMAIL, "Y29sbGlkZQ", CAROL), new BlindIndexEntry(EMAIL, "b3RoZXI", ANNA),
                new BlindIndexEntry(PHONE, "Y29sbGlkZQ", ANNA));

        assertThat(find(EMAIL, "Y29sbGlkZQ")).containsExactlyInAnyOrder(ANNA, BOB, CAROL);
        assertThat(find(EMAIL, "b3RoZXI")).containsExactly(ANNA);
        assertThat(find(PHONE, "Y29sbGlkZQ")).containsExactly(ANNA);
    }

    @Test
    void valuesThatDifferOnlyInCaseAreDifferentValues() {
        put(new BlindIndexEntry(EMAIL, "abc", ANNA), new BlindIndexEntry(EMAIL, "ABC", BOB),
                new BlindIndexEntry(EMAIL, "aBc", CAROL));

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
        put(subjects.stream().map(s -> new BlindIndexEntry(EMAIL, "c2FtZQ", s)).toArray(BlindIndexEntry[]::new));

        assertThat(find(EMAIL, "c2FtZQ")).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(removeSubject(SubjectId.of("anna"))).isEqualTo(1);
        assertThat(remove(EMAIL, subjects.get(2))).isEqualTo(1);
        assertThat(find(EMAIL, "c2FtZQ")).containsExactlyInAnyOrder(subjects.get(0), subjects.get(3));
    }

    // ---- removal ----------------------------------------------------------------------------------

    @Test
    void removeTakesOneSubjectsValuesOfOneIndex() {
        put(new BlindIndexEntry(EMAIL, "d29yaw", ANNA), new BlindIndexEntry(EMAIL, "aG9tZQ", ANNA),
                new BlindIndexEntry(PHONE, "NzkwMQ", ANNA), new BlindIndexEntry(EMAIL, "d29yaw", BOB));

        assertThat(remove(EMAIL, ANNA)).isEqualTo(2);

        assertThat(find(EMAIL, "d29yaw")).containsExactly(BOB);
        assertThat(find(EMAIL, "aG9tZQ")).isEmpty();
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(remove(EMAIL, ANNA)).isZero();
        assertThat(remove("client.name", BOB)).isZero();
    }

    @Test
    void removeSubjectTakesEveryEntryOfTheSubjectOnly() {
        put(new BlindIndexEntry(EMAIL, "d29yaw", ANNA), new BlindIndexEntry(EMAIL, "aG9tZQ", ANNA),
                new BlindIndexEntry(PHONE, "NzkwMQ", ANNA), new BlindIndexEntry(EMAIL, "d29yaw", BOB));

        assertThat(removeSubject(ANNA)).isEqualTo(3);

        assertThat(find(EMAIL, "d29yaw")).containsExactly(BOB);
        assertThat(find(EMAIL, "aG9tZQ")).isEmpty();
        assertThat(find(PHONE, "NzkwMQ")).isEmpty();
        assertThat(removeSubject(ANNA)).isZero();
        assertThat(removeSubject(CAROL)).isZero();
    }

    // ---- the unit of work ---------------------------------------------------------------------------

    @Test
    void aUnitThatThrowsAfterWritingIndexesLeavesNothing() {
        put(new BlindIndexEntry(EMAIL, "a2VwdA", ANNA), new BlindIndexEntry(PHONE, "NzkwMQ", ANNA),
                new BlindIndexEntry(EMAIL, "a2VwdA", BOB));
        RuntimeException boom = new IllegalStateException("the host's code failed after the writes");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.blindIndexes().put(new BlindIndexEntry(EMAIL, "bG9zdA", CAROL));
            tx.blindIndexes().put(new BlindIndexEntry(EMAIL, "a2VwdA", CAROL));
            tx.blindIndexes().remove(EMAIL, ANNA);
            tx.blindIndexes().removeSubject(BOB);
            assertThat(tx.blindIndexes().find(EMAIL, "a2VwdA")).containsExactly(CAROL);
            throw boom;
        })).isSameAs(boom);

        assertThat(find(EMAIL, "a2VwdA")).containsExactlyInAnyOrder(ANNA, BOB);
        assertThat(find(PHONE, "NzkwMQ")).containsExactly(ANNA);
        assertThat(find(EMAIL, "bG9zdA")).isEmpty();
        assertThat(removeSubject(CAROL)).as("nothing of the failed unit is left").isZero();
        // the rolled-back unit left no trace that blocks the next one
        put(new BlindIndexEntry(EMAIL, "bG9zdA", CAROL));
        assertThat(find(EMAIL, "bG9zdA")).containsExactly(CAROL);
    }

    @Test
    void aReadOnlyUnitRefusesToWriteIndexes() {
        BlindIndexEntry entry = new BlindIndexEntry(EMAIL, "aGVsbG8", ANNA);
        put(entry);

        assertThatThrownBy(() -> storage.read(tx -> run(() -> tx.blindIndexes().put(new BlindIndexEntry(EMAIL,
                "aGVsbG8", BOB))))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> tx.blindIndexes().remove(EMAIL, ANNA)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> tx.blindIndexes().removeSubject(ANNA)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(find(EMAIL, "aGVsbG8")).containsExactly(ANNA);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void put(BlindIndexEntry... entries) {
        storage.inTransaction(tx -> {
            for (BlindIndexEntry e : entries) {
                tx.blindIndexes().put(e);
            }
            return null;
        });
    }

    private List<SubjectId> find(String index, String value) {
        return read(indexes -> indexes.find(index, value));
    }

    private int remove(String index, SubjectId subject) {
        return storage.inTransaction(tx -> tx.blindIndexes().remove(index, subject));
    }

    private int removeSubject(SubjectId subject) {
        return storage.inTransaction(tx -> tx.blindIndexes().removeSubject(subject));
    }

    private <T> T read(Function<BlindIndexStore, T> query) {
        return storage.read(tx -> query.apply(tx.blindIndexes()));
    }

    private static Void run(Runnable action) {
        action.run();
        return null;
    }
}
