package dev.consentkit.testkit.feature;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KekId;
import dev.consentkit.testkit.ConsentStoreContract;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static dev.consentkit.testkit.fixtures.ContractSamples.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.KekUsage;
import dev.consentkit.core.spi.protection.KeyFileId;
import dev.consentkit.core.spi.protection.KeyShred;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.protection.WrappedKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the wrapped data-key port ({@link KeyStore}) for every storage adapter. An adapter's
 * test extends this class and implements {@link #createStorage()}, in a few lines, as for
 * {@link ConsentStoreContract}.
 *
 * <p>The samples hold what naive schemas lose: wrapped bytes of every value (including trailing zero
 * bytes, which a fixed-width binary column pads), 1 and 512 bytes long, key ids at both ends of
 * {@code int}, microsecond creation times and subject references that differ only in case.
 *
 * <p><b>Covers</b> field protection's {@code KeyStore} (wrapped data keys, key files, shreds), offered through {@code tx.port(KeyStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class KeyStoreContract {
    private static final KeyedHash ANNA = hash("anna");
    private static final KeyedHash BOB = hash("bob");
    private static final String OLD_KEK = "kek-2025";
    private static final String NEW_KEK = "kek-2026";
    private static final Instant SHRED_TIME = T0.plus(3, ChronoUnit.DAYS).plus(7, ChronoUnit.MICROS);
    private static final KeyFileId FILE = new KeyFileId("Zm9vYmFyYmF6cXV4MTIzNA");

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
        assertThat(StorageSnapshot.of(storage)).as("a fresh store is empty").isEqualTo(StorageSnapshot.EMPTY);
    }

    // ---- round trips ------------------------------------------------------------------------------

    @Test
    void everyFieldRoundTripsAtTheEdgesOfItsRange() {
        byte[] longest = new byte[512];
        for (int i = 0; i < longest.length; i++) {
            longest[i] = (byte) (i * 7 + 3); // every byte value, ending in 0x00, 0x07
        }
        longest[510] = 0;
        longest[511] = 0;
        List<WrappedKey> keys = List.of(
                new WrappedKey(ANNA, KeyGroup.of("marketing"), 1, Integer.MIN_VALUE, KekId.of("k"), new byte[] {0}, T0),
                new WrappedKey(ANNA, KeyGroup.of("marketing"), 2, Integer.MAX_VALUE, KekId.of("kek-2026.v1_A"), longest,
                        T0.plus(1, ChronoUnit.MICROS)),
                new WrappedKey(ANNA, KeyGroup.of("billing_eu-2"), Integer.MAX_VALUE, -1, KekId.of("projects/p/locations/eu/keyRings/r:k"),
                        new byte[] {(byte) 0xFF, 0, (byte) 0x80}, Instant.parse("1969-12-31T23:59:59.999999Z")),
                new WrappedKey(ANNA, KeyGroup.of("g" + "x".repeat(31)), 1, 0, KekId.of("K".repeat(64)), new byte[] {(byte) 0x80},
                        Instant.parse("2262-04-11T23:47:16.854775Z")));
        add(keys.toArray(WrappedKey[]::new));

        for (WrappedKey key : keys) {
            Optional<WrappedKey> found = storage.read(tx -> KeyStore.in(tx).find(ANNA, key.keyId()));
            assertThat(found).as("key id %d", key.keyId()).get().satisfies(read -> {
                // field by field, so a failure names the field a store lost
                assertThat(read.subjectRef()).isEqualTo(key.subjectRef());
                assertThat(read.group()).isEqualTo(key.group());
                assertThat(read.version()).isEqualTo(key.version());
                assertThat(read.keyId()).isEqualTo(key.keyId());
                assertThat(read.kekId()).isEqualTo(key.kekId());
                assertThat(read.wrapped()).isEqualTo(key.wrapped());
                assertThat(read.createdAt()).isEqualTo(key.createdAt());
                assertThat(read).isEqualTo(key);
            });
        }
        assertThat(forSubject(ANNA)).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aUnitSeesItsOwnKeysAndLaterUnitsSeeCommittedOnes() {
        WrappedKey key = key(ANNA, "marketing", 1, 11);
        storage.inTransaction(tx -> {
            KeyStore.in(tx).add(key);
            assertThat(KeyStore.in(tx).current(ANNA, KeyGroup.of("marketing"))).contains(key);
            assertThat(KeyStore.in(tx).find(ANNA, 11)).contains(key);
            return null;
        });

        assertThat(current(ANNA, "marketing")).contains(key);
    }

    // ---- look-ups ---------------------------------------------------------------------------------

    @Test
    void currentIsTheHighestVersionOfThatSubjectsGroup() {
        add(key(ANNA, "marketing", 1, 1), key(ANNA, "marketing", 3, 3), key(ANNA, "billing", 5, 5));
        add(key(ANNA, "marketing", 2, 2), key(BOB, "marketing", 4, 4));

        assertThat(current(ANNA, "marketing")).get().extracting(WrappedKey::version, WrappedKey::keyId)
                .containsExactly(3, 3);
        assertThat(current(ANNA, "billing")).get().extracting(WrappedKey::keyId).isEqualTo(5);
        assertThat(current(BOB, "marketing")).get().extracting(WrappedKey::keyId).isEqualTo(4);
        assertThat(current(BOB, "billing")).isEmpty();
        assertThat(current(ANNA, "marketin")).isEmpty();
        assertThat(current(hash("carol"), "marketing")).isEmpty();
    }

    @Test
    void findByKeyIdIsScopedToTheSubject() {
        WrappedKey annas = key(ANNA, "marketing", 1, 7);
        WrappedKey bobs = key(BOB, "marketing", 1, 8);
        add(annas, bobs);

        assertThat(find(ANNA, 7)).contains(annas);
        assertThat(find(BOB, 8)).contains(bobs);
        assertThat(find(ANNA, 8)).as("another subject's key id is never found").isEmpty();
        assertThat(find(BOB, 7)).isEmpty();
        assertThat(find(ANNA, 9)).isEmpty();
        assertThat(find(ANNA, -7)).isEmpty();
    }

    @Test
    void forSubjectListsOneSubjectsKeysByGroupThenVersion() {
        // groups whose order a locale-aware collation changes ('-' and '_' ignored at first level)
        List<WrappedKey> annas = List.of(key(ANNA, "a-b", 1, 10), key(ANNA, "a-b", 2, 11), key(ANNA, "a1", 1, 12),
                key(ANNA, "a_b", 1, 13), key(ANNA, "ab", 1, 14), key(ANNA, "ab", 2, 15), key(ANNA, "ab", 10, 16),
                key(ANNA, "billing", 1, 17));
        List<WrappedKey> shuffled = new ArrayList<>(annas);
        Collections.reverse(shuffled);
        shuffled.add(3, key(BOB, "ab", 1, 18));
        add(shuffled.toArray(WrappedKey[]::new));

        assertThat(forSubject(ANNA)).containsExactlyElementsOf(annas);
        assertThat(forSubject(BOB)).extracting(WrappedKey::keyId).containsExactly(18);
        assertThat(forSubject(hash("carol"))).isEmpty();
    }

    @Test
    void subjectReferencesThatDifferOnlyInCaseAreDifferentSubjects() {
        KeyedHash lower = new KeyedHash("a".repeat(43));
        KeyedHash upper = new KeyedHash("A".repeat(43));
        WrappedKey lowers = key(lower, "marketing", 1, 1);
        WrappedKey uppers = key(upper, "marketing", 2, 2);
        add(lowers, uppers);

        assertThat(forSubject(lower)).containsExactly(lowers);
        assertThat(current(upper, "marketing")).contains(uppers);
        assertThat(find(upper, 1)).isEmpty();
        assertThat(destroy(lower, List.of())).isEqualTo(1);
        assertThat(forSubject(upper)).containsExactly(uppers);
    }

    // ---- conflicts ----------------------------------------------------------------------------------

    @Test
    void addingAnExistingVersionConflictsAndUndoesItsUnit() {
        add(key(ANNA, "marketing", 1, 1));
        StorageSnapshot before = StorageSnapshot.of(storage);

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            KeyStore.in(tx).add(key(BOB, "marketing", 1, 2));
            KeyStore.in(tx).add(key(ANNA, "marketing", 1, 3));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
        assertThat(find(BOB, 2)).isEmpty();
    }

    @Test
    void addingAnExistingKeyIdConflictsEvenForAnotherSubject() {
        add(key(ANNA, "marketing", 1, 42));
        StorageSnapshot before = StorageSnapshot.of(storage);

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            KeyStore.in(tx).add(key(ANNA, "billing", 1, 43));
            KeyStore.in(tx).add(key(BOB, "marketing", 1, 42));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
        assertThat(find(BOB, 42)).isEmpty();
    }

    @Test
    void theConflictMessageCarriesNoKeyMaterial() {
        byte[] wrapped = new byte[48];
        for (int i = 0; i < wrapped.length; i++) {
            wrapped[i] = (byte) (i * 13 + 1);
        }
        WrappedKey key = new WrappedKey(ANNA, KeyGroup.of("marketing"), 1, 42, KekId.of(OLD_KEK), wrapped, T0);
        add(key);

        Throwable conflict = catchThrowable(() -> add(key));
        assertThat(conflict).isInstanceOf(ConcurrentUpdateException.class);
        for (Throwable t = conflict; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(key.wrappedBase64())
                    .doesNotContain(HexFormat.of().formatHex(wrapped).substring(0, 16));
        }
    }

    // ---- destruction --------------------------------------------------------------------------------

    @Test
    void destroyingGroupsDeletesOnlyThoseGroupsOfThatSubject() {
        add(key(ANNA, "marketing", 1, 1), key(ANNA, "marketing", 2, 2), key(ANNA, "photos", 1, 3),
                key(ANNA, "billing", 1, 4), key(BOB, "marketing", 1, 5));

        assertThat(destroy(ANNA, List.of("marketing", "photos", "unknown"))).isEqualTo(3);

        assertThat(forSubject(ANNA)).extracting(WrappedKey::keyId).containsExactly(4);
        assertThat(current(ANNA, "marketing")).isEmpty();
        assertThat(find(ANNA, 2)).as("a shredded key is not found by its id").isEmpty();
        assertThat(forSubject(BOB)).extracting(WrappedKey::keyId).containsExactly(5);
        assertThat(destroy(ANNA, List.of("marketing"))).as("nothing left to destroy").isZero();
        assertThat(StorageSnapshot.of(storage).keys()).extracting(WrappedKey::keyId).containsExactlyInAnyOrder(4, 5);
    }

    @Test
    void destroyingWithNoGroupsDeletesEveryKeyOfTheSubject() {
        add(key(ANNA, "marketing", 1, 1), key(ANNA, "marketing", 2, 2), key(ANNA, "billing", 1, 3),
                key(BOB, "marketing", 1, 4));

        assertThat(destroy(ANNA, List.of())).isEqualTo(3);

        assertThat(forSubject(ANNA)).isEmpty();
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(id -> find(ANNA, id))).allMatch(Optional::isEmpty);
        assertThat(forSubject(BOB)).hasSize(1);
        assertThat(destroy(ANNA, List.of())).isZero();
        assertThat(destroy(hash("carol"), List.of())).isZero();
    }

    @Test
    void theFormatAndAuthenticatorRoundTripAtTheEdgesOfTheirRange() {
        byte[] longest = new byte[64];
        for (int i = 0; i < longest.length; i++) {
            longest[i] = (byte) (255 - i * 3);
        }
        longest[63] = 0;
        List<WrappedKey> keys = List.of(
                new WrappedKey(ANNA, KeyGroup.of("marketing"), 1, 1, KekId.of(OLD_KEK), new byte[] {1}, T0, WrappedKey.FORMAT_V2, longest),
                new WrappedKey(ANNA, KeyGroup.of("marketing"), 2, 2, KekId.of(OLD_KEK), new byte[] {2}, T0, WrappedKey.FORMAT_V2, new byte[] {0}),
                new WrappedKey(ANNA, KeyGroup.of("billing"), 1, 3, KekId.of(OLD_KEK), new byte[] {3}, T0, 255, new byte[0]),
                new WrappedKey(ANNA, KeyGroup.of("photos"), 1, 4, KekId.of(OLD_KEK), new byte[] {4}, T0));
        add(keys.toArray(WrappedKey[]::new));

        for (WrappedKey key : keys) {
            assertThat(find(ANNA, key.keyId())).as("key id %d", key.keyId()).get().satisfies(read -> {
                assertThat(read.format()).isEqualTo(key.format());
                assertThat(read.authenticator()).isEqualTo(key.authenticator());
                assertThat(read).isEqualTo(key);
            });
        }
        assertThat(find(ANNA, 4)).get().extracting(WrappedKey::format).isEqualTo(WrappedKey.FORMAT_V1);
    }

    // ---- shred records --------------------------------------------------------------------------------

    @Test
    void destroyingLeavesAShredRecordPerKeyWithoutKeyMaterial() {
        WrappedKey second = new WrappedKey(ANNA, KeyGroup.of("marketing"), 2, Integer.MIN_VALUE, KekId.of(NEW_KEK), new byte[] {1}, T0,
                WrappedKey.FORMAT_V2, new byte[] {7});
        add(key(ANNA, "marketing", 1, 1), second, key(ANNA, "billing", 1, 3), key(BOB, "marketing", 1, 4));

        assertThat(destroy(ANNA, List.of("marketing"))).isEqualTo(2);

        assertThat(shredsOf(ANNA)).containsExactly(
                new KeyShred(ANNA, KeyGroup.of("marketing"), 1, 1, KekId.of(OLD_KEK), SHRED_TIME),
                new KeyShred(ANNA, KeyGroup.of("marketing"), 2, Integer.MIN_VALUE, KekId.of(NEW_KEK), SHRED_TIME));
        assertThat(shredded(ANNA, "marketing", Integer.MIN_VALUE)).contains(SHRED_TIME);
        assertThat(shredded(ANNA, "marketing", 1)).contains(SHRED_TIME);
        assertThat(shredded(ANNA, "billing", 3)).as("a live key").isEmpty();
        assertThat(shredded(ANNA, "marketing", 2)).as("a key id never stored").isEmpty();
        assertThat(shredded(BOB, "marketing", 1)).as("another subject").isEmpty();
        assertThat(shredsOf(BOB)).isEmpty();

        assertThat(destroy(ANNA, List.of())).isEqualTo(1);
        assertThat(shredsOf(ANNA)).extracting(s -> s.group().value(), KeyShred::keyId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("billing", 3),
                org.assertj.core.groups.Tuple.tuple("marketing", 1),
                org.assertj.core.groups.Tuple.tuple("marketing", Integer.MIN_VALUE));
    }

    @Test
    void anEarlierShredCoversEveryKeyIdOfItsGroupOrOfEveryGroup() {
        Instant earlier = T0.minus(400, ChronoUnit.DAYS);
        boolean first = storage.inTransaction(tx -> KeyStore.in(tx).recordEarlierShred(ANNA, Optional.of(KeyGroup.of("marketing")), earlier));
        boolean again = storage.inTransaction(tx -> KeyStore.in(tx).recordEarlierShred(ANNA, Optional.of(KeyGroup.of("marketing")), T0));
        storage.inTransaction(tx -> KeyStore.in(tx).recordEarlierShred(BOB, Optional.empty(), T0));

        assertThat(first).isTrue();
        assertThat(again).as("recorded once").isFalse();
        assertThat(shredded(ANNA, "marketing", 12345)).contains(earlier);
        assertThat(shredded(ANNA, "billing", 12345)).isEmpty();
        assertThat(shredded(BOB, "billing", -1)).contains(T0);
        assertThat(shredded(hash("carol"), "billing", -1)).isEmpty();
        assertThat(shredsOf(ANNA)).as("earlier shreds name no key").isEmpty();
        assertThatThrownBy(() -> storage.inTransaction(tx -> KeyStore.in(tx).recordEarlierShred(ANNA, Optional.of(KeyGroup.of("*")), T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageByKekCountsStoredKeysAndShredRecordsUnderEachKek() {
        add(key(ANNA, "marketing", 1, 1), key(ANNA, "marketing", 2, 2), key(BOB, "marketing", 1, 3),
                new WrappedKey(BOB, KeyGroup.of("billing"), 1, 4, KekId.of(NEW_KEK), new byte[] {1}, T0));
        assertThat(wraps()).isEqualTo(Map.of(OLD_KEK, new KekUsage(3, 0), NEW_KEK, new KekUsage(1, 0)));

        destroy(ANNA, List.of());
        rewrap(key(BOB, "marketing", 1, 3).rewrapped(KekId.of(NEW_KEK), new byte[] {2}));

        // Anna's two keys were wrapped under the old KEK before they were shredded; Bob's moved
        assertThat(wraps()).isEqualTo(Map.of(OLD_KEK, new KekUsage(0, 2), NEW_KEK, new KekUsage(2, 0)));
        assertThat(wraps().get(OLD_KEK).wraps()).isEqualTo(2);
    }

    @Test
    void aKeyFileGenerationOnlyRises() {
        KeyFileId other = new KeyFileId("another-key-file-id_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        assertThat(generation(FILE)).isEmpty();
        assertThat(filesRecorded()).isZero();

        record(FILE, 3);
        record(FILE, 2);
        assertThat(generation(FILE)).hasValue(3);
        record(FILE, Long.MAX_VALUE);
        record(other, 1);

        assertThat(generation(FILE)).hasValue(Long.MAX_VALUE);
        assertThat(generation(other)).hasValue(1);
        assertThat(filesRecorded()).isEqualTo(2);
        for (long bad : new long[] {0, -1}) {
            assertThatThrownBy(() -> record(other, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new KeyFileId("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private void record(KeyFileId file, long generation) {
        storage.inTransaction(tx -> run(() -> KeyStore.in(tx).recordKeyFileGeneration(file, generation, SHRED_TIME)));
    }

    // ---- master-key rotation ----------------------------------------------------------------------

    @Test
    void wrappedUnderOtherThanPagesThroughEveryKeyStillToRewrap() {
        List<WrappedKey> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            old.add(new WrappedKey(i % 2 == 0 ? ANNA : BOB, KeyGroup.of("g" + i), 1, 100 + i, i == 6 ? KekId.of("kek-2024") : KekId.of(OLD_KEK),
                    new byte[] {(byte) i}, T0));
        }
        WrappedKey current = new WrappedKey(ANNA, KeyGroup.of("current"), 1, 200, KekId.of(NEW_KEK), new byte[] {9}, T0);
        add(old.toArray(WrappedKey[]::new));
        add(current);

        Map<Integer, Integer> rewrapped = new HashMap<>();
        for (int round = 0; round < 10; round++) {
            List<WrappedKey> page = toRewrap(NEW_KEK, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3).noneMatch(k -> k.kekId().equals(KekId.of(NEW_KEK)));
            if (page.isEmpty()) {
                break;
            }
            List<Boolean> results = storage.inTransaction(tx -> page.stream()
                    .map(k -> KeyStore.in(tx).rewrap(k.rewrapped(KekId.of(NEW_KEK), new byte[] {(byte) k.keyId(), 1}))).toList());
            assertThat(results).containsOnly(true);
            page.forEach(k -> rewrapped.merge(k.keyId(), 1, Integer::sum));
        }

        assertThat(rewrapped).as("every old key rewrapped exactly once")
                .isEqualTo(old.stream().collect(Collectors.toMap(WrappedKey::keyId, k -> 1)));
        assertThat(toRewrap(NEW_KEK, Integer.MAX_VALUE)).isEmpty();
        for (WrappedKey before : old) {
            assertThat(find(before.subjectRef(), before.keyId()))
                    .contains(before.rewrapped(KekId.of(NEW_KEK), new byte[] {(byte) before.keyId(), 1}));
        }
        assertThat(find(ANNA, 200)).contains(current);
    }

    @Test
    void wrappedUnderOtherThanComparesKekIdsExactly() {
        WrappedKey upper = key(ANNA, "marketing", 1, 1).rewrapped(KekId.of("KEK-2026"), new byte[] {1});
        WrappedKey longer = key(ANNA, "billing", 1, 2).rewrapped(KekId.of(NEW_KEK + "-b"), new byte[] {2});
        WrappedKey same = key(ANNA, "photos", 1, 3).rewrapped(KekId.of(NEW_KEK), new byte[] {3});
        add(upper, longer, same);

        assertThat(toRewrap(NEW_KEK, 10))
                .containsExactlyInAnyOrder(upper, longer);
        assertThat(toRewrap(NEW_KEK, 1)).hasSize(1);
    }

    @Test
    void wrappedUnderOtherThanRefusesANonPositiveLimit() {
        for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> storage.read(tx -> KeyStore.in(tx).wrappedUnderOtherThan(KekId.of(NEW_KEK), limit)))
                    .as("limit %d", limit).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rewrapReplacesTheWrappingFormatAndAuthenticatorAndNothingElse() {
        WrappedKey stored = key(ANNA, "marketing", 3, 5);
        add(stored);
        byte[] tag = new byte[32];
        tag[0] = 9; // ends in zero bytes, which a fixed-width column pads
        WrappedKey rewrapped = new WrappedKey(ANNA, KeyGroup.of("marketing"), 3, 5, KekId.of(NEW_KEK), new byte[] {4}, T0.plusSeconds(60),
                WrappedKey.FORMAT_V2, tag);

        assertThat(rewrap(rewrapped)).isTrue();

        assertThat(find(ANNA, 5)).contains(stored.rewrapped(KekId.of(NEW_KEK), new byte[] {4}, WrappedKey.FORMAT_V2, tag));
        // and back: a rewrap may also drop an authenticator
        assertThat(rewrap(stored.rewrapped(KekId.of(OLD_KEK), new byte[] {5}, WrappedKey.FORMAT_V2, new byte[0]))).isTrue();
        assertThat(find(ANNA, 5)).get().satisfies(k -> {
            assertThat(k.hasAuthenticator()).isFalse();
            assertThat(k.format()).isEqualTo(WrappedKey.FORMAT_V2);
            assertThat(k.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    void rewrapReplacesOnlyTheWrappedBytesAndTheKekId() {
        WrappedKey stored = key(ANNA, "marketing", 3, 5);
        add(stored);
        // a caller passing another creation time changes nothing but the wrapping
        WrappedKey rewrapped = new WrappedKey(ANNA, KeyGroup.of("marketing"), 3, 5, KekId.of(NEW_KEK), new byte[] {7, 7, 0},
                T0.plusSeconds(60));

        assertThat(rewrap(rewrapped)).isTrue();

        assertThat(find(ANNA, 5)).contains(stored.rewrapped(KekId.of(NEW_KEK), new byte[] {7, 7, 0}));
        assertThat(current(ANNA, "marketing")).get().extracting(WrappedKey::createdAt).isEqualTo(stored.createdAt());
    }

    @Test
    void rewrapOfAKeyThatNoLongerExistsReturnsFalseAndWritesNothing() {
        WrappedKey shredded = key(ANNA, "marketing", 1, 1);
        WrappedKey kept = key(ANNA, "billing", 1, 2);
        add(shredded, kept);
        destroy(ANNA, List.of("marketing"));
        StorageSnapshot before = StorageSnapshot.of(storage);

        assertThat(rewrap(shredded.rewrapped(KekId.of(NEW_KEK), new byte[] {1}))).isFalse();
        // the same subject, group and version with another key id is another key
        WrappedKey otherId = new WrappedKey(ANNA, KeyGroup.of("billing"), 1, 3, KekId.of(NEW_KEK), new byte[] {1}, T0);
        assertThat(rewrap(otherId)).isFalse();
        // the same key id under another subject is another key
        WrappedKey otherSubject = new WrappedKey(BOB, KeyGroup.of("billing"), 1, 2, KekId.of(NEW_KEK), new byte[] {1}, T0);
        assertThat(rewrap(otherSubject)).isFalse();

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
        assertThat(before.keys()).containsExactly(kept);
    }

    // ---- the unit of work ---------------------------------------------------------------------------

    @Test
    void aUnitThatThrowsAfterWritingKeysLeavesNothing() {
        WrappedKey annas = key(ANNA, "marketing", 1, 1);
        WrappedKey bobs = key(BOB, "marketing", 1, 2);
        add(annas, bobs);
        StorageSnapshot before = StorageSnapshot.of(storage);
        RuntimeException boom = new IllegalStateException("the host's code failed after the writes");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            KeyStore.in(tx).add(key(ANNA, "marketing", 2, 3));
            KeyStore.in(tx).add(key(hash("carol"), "billing", 1, 4));
            KeyStore.in(tx).rewrap(annas.rewrapped(KekId.of(NEW_KEK), new byte[] {9}));
            KeyStore.in(tx).destroy(BOB, List.of(), SHRED_TIME);
            KeyStore.in(tx).recordEarlierShred(ANNA, Optional.empty(), SHRED_TIME);
            KeyStore.in(tx).recordKeyFileGeneration(FILE, 3, SHRED_TIME);
            throw boom;
        })).isSameAs(boom);

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
        assertThat(current(ANNA, "marketing")).contains(annas);
        assertThat(find(BOB, 2)).contains(bobs);
        assertThat(shredsOf(BOB)).isEmpty();
        assertThat(shredded(ANNA, "marketing", 1)).isEmpty();
        assertThat(generation(FILE)).isEmpty();
        assertThat(wraps()).isEqualTo(Map.of(OLD_KEK, new KekUsage(2, 0)));
        // the rolled-back unit left no trace that blocks the next one
        add(key(ANNA, "marketing", 2, 3), key(hash("carol"), "billing", 1, 4));
        assertThat(StorageSnapshot.of(storage).keys()).hasSize(4);
    }

    @Test
    void aReadOnlyUnitRefusesToWriteKeys() {
        WrappedKey key = key(ANNA, "marketing", 1, 1);
        add(key);

        assertThatThrownBy(() -> storage.read(tx -> run(() -> KeyStore.in(tx).add(key(BOB, "marketing", 1, 2)))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> KeyStore.in(tx).rewrap(key.rewrapped(KekId.of(NEW_KEK), new byte[] {1}))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> KeyStore.in(tx).destroy(ANNA, List.of(), SHRED_TIME)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> KeyStore.in(tx).recordEarlierShred(ANNA, Optional.empty(), SHRED_TIME)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> run(() -> KeyStore.in(tx).recordKeyFileGeneration(FILE, 1, SHRED_TIME))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(StorageSnapshot.of(storage).keys()).containsExactly(key);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static WrappedKey key(KeyedHash subject, String group, int version, int keyId) {
        return new WrappedKey(subject, KeyGroup.of(group), version, keyId, KekId.of(OLD_KEK), new byte[] {(byte) keyId, 2, 3}, T0);
    }

    private void add(WrappedKey... keys) {
        storage.inTransaction(tx -> {
            for (WrappedKey k : keys) {
                KeyStore.in(tx).add(k);
            }
            return null;
        });
    }

    private Optional<WrappedKey> current(KeyedHash subject, String group) {
        return read(keys -> keys.current(subject, KeyGroup.of(group)));
    }

    private Optional<WrappedKey> find(KeyedHash subject, int keyId) {
        return read(keys -> keys.find(subject, keyId));
    }

    private List<WrappedKey> forSubject(KeyedHash subject) {
        return read(keys -> keys.forSubject(subject));
    }

    private List<WrappedKey> toRewrap(String kekId, int limit) {
        return read(keys -> keys.wrappedUnderOtherThan(KekId.of(kekId), limit));
    }

    private boolean rewrap(WrappedKey key) {
        return storage.inTransaction(tx -> KeyStore.in(tx).rewrap(key));
    }

    private int destroy(KeyedHash subject, List<String> groups) {
        return storage.inTransaction(tx -> KeyStore.in(tx).destroy(subject, groups.stream().map(KeyGroup::of).toList(),
                SHRED_TIME));
    }

    private List<KeyShred> shredsOf(KeyedHash subject) {
        return read(keys -> keys.shredsOf(subject));
    }

    private Optional<Instant> shredded(KeyedHash subject, String group, int keyId) {
        return read(keys -> keys.shredded(subject, KeyGroup.of(group), keyId));
    }

    private Map<String, KekUsage> wraps() {
        Map<String, KekUsage> byName = new java.util.TreeMap<>();
        read(KeyStore::usageByKek).forEach((kek, usage) -> byName.put(kek.value(), usage));
        return byName;
    }

    private java.util.OptionalLong generation(KeyFileId file) {
        return read(keys -> keys.keyFileGeneration(file));
    }

    private int filesRecorded() {
        return read(KeyStore::keyFilesRecorded);
    }

    private <T> T read(Function<KeyStore, T> query) {
        return storage.read(tx -> query.apply(KeyStore.in(tx)));
    }

    private static Void run(Runnable action) {
        action.run();
        return null;
    }
}
