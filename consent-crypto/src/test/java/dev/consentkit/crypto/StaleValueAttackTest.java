package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import dev.consentkit.crypto.spec.DecryptionException;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.AttackWorld.ANNA;
import static dev.consentkit.crypto.AttackWorld.DPO;
import static dev.consentkit.crypto.AttackWorld.EMAIL;
import static dev.consentkit.crypto.AttackWorld.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.crypto.internal.FieldCiphertext;
import java.util.OptionalLong;
import java.util.function.Supplier;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, finding 4 (Medium): a stale value replayed into its cell opened. After an update — and
 * even after a data-key rotation — writing the earlier ciphertext back into the same row and column
 * opened as the old value (an old e-mail or bank account restored to redirect resets or payments),
 * and {@code resealIfOld} then laundered it under the current key. With freshness binding
 * ({@link FieldRef#atVersion}) the cell's version is part of the associated data: the replayed value
 * fails to open and to reseal, and the failure is audited. What it cannot stop — a rollback of the
 * ciphertext together with its version — is pinned down here too, as {@code docs/security.md} says.
 */
class StaleValueAttackTest {
    private static final FieldRef CELL = EMAIL.at("row-1", ANNA);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void anEarlierValueWrittenBackOverANewerOneOfItsCellFailsToOpen(String name, Supplier<ConsentStorage> storage) {
        AttackWorld w = new AttackWorld(storage.get());
        String old = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(1), "anna@example.org");
        String current = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(2), "anna@new.example");

        // the attacker writes the old ciphertext into the cell; the version beside it still says 2
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, CELL.atVersion(2), old))
                .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        assertThat(w.crypto.open(MANAGER, ORDERS, CELL.atVersion(2), current)).isEqualTo("anna@new.example");
        assertThat(w.audit(FieldCrypto.FIELD_OPEN_FAILED)).singleElement().satisfies(r -> {
            assertThat(r.event().reference()).contains("not-authentic: client.email");
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.FAILED);
        });
    }

    @Test
    void afterADataKeyRotationTheReplayedValueNeitherOpensNorIsLaunderedByAReseal() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String old = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(1), "IBAN DE89 3704 0044 0532 0130 00");
        w.crypto.rotateDataKey(ANNA, KeyGroup.of("contract"));
        String current = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(2), "IBAN DE02 1203 0000 0000 2020 51");

        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, CELL.atVersion(2), old)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> w.crypto.resealIfOld(CELL.atVersion(2), old))
                .as("the reseal job meets the replayed value: it refuses it instead of re-encrypting it")
                .isInstanceOf(DecryptionException.class);
        assertThat(w.audit(FieldCrypto.FIELD_RESEALED)).isEmpty();
        assertThat(w.audit(FieldCrypto.FIELD_OPEN_FAILED)).extracting(r -> r.event().actor().toString())
                .containsExactly("OPERATOR:olga", "SYSTEM:field-crypto");
        assertThat(w.crypto.resealIfOld(CELL.atVersion(2), current)).as("the current value is under the current key").isEmpty();
    }

    @Test
    void aResealKeepsTheVersionSoTheResealedValueStillOpensOnlyAtIt() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String sealed = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(7), "anna@example.org");
        w.crypto.rotateDataKey(ANNA, KeyGroup.of("contract"));

        String resealed = w.crypto.resealIfOld(CELL.atVersion(7), sealed).orElseThrow();

        assertThat(FieldCiphertext.parseText(resealed).versionBound()).isTrue();
        assertThat(w.crypto.open(MANAGER, ORDERS, CELL.atVersion(7), resealed)).isEqualTo("anna@example.org");
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, CELL.atVersion(8), resealed)).isInstanceOf(DecryptionException.class);
    }

    @Test
    void aValueSealedWithoutAVersionCannotBeSlippedIntoAVersionedCellNorTheOtherWayRound() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String unbound = w.crypto.seal(MANAGER, ORDERS, CELL, "anna@example.org");
        String bound = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(3), "anna@new.example");

        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, CELL.atVersion(3), unbound)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> w.crypto.resealIfOld(CELL.atVersion(3), unbound)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, CELL, bound)).isInstanceOf(DecryptionException.class);
        assertThat(w.audit(FieldCrypto.FIELD_OPEN_FAILED)).extracting(r -> r.event().reference().orElseThrow())
                .containsOnly("version-binding: client.email");
        assertThat(w.crypto.open(MANAGER, ORDERS, CELL, unbound)).as("values without freshness keep opening as before")
                .isEqualTo("anna@example.org");
    }

    @Test
    void anExportForAVerifiedRequestChecksTheVersionToo() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String old = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(1), "anna@example.org");
        String current = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(2), "anna@new.example");
        RequestId access = w.request(ANNA, RequestType.ACCESS, true);

        assertThat(w.crypto.openForRequest(access, new SealedValue("client", "email", "row-1", OptionalLong.of(2), current), DPO))
                .contains("anna@new.example");
        assertThatThrownBy(() -> w.crypto.openForRequest(access,
                new SealedValue("client", "email", "row-1", OptionalLong.of(2), old), DPO)).isInstanceOf(DecryptionException.class);
    }

    /** The limit, as documented: the kit cannot know which version is current if both are rolled back. */
    @Test
    void aRollbackOfTheValueTogetherWithItsVersionIsNotDetected() {
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String old = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(1), "anna@example.org");
        w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(2), "anna@new.example");

        // the attacker also writes 1 back into the version column: the pair is a genuine earlier state
        assertThat(w.crypto.open(MANAGER, ORDERS, CELL.atVersion(1), old)).isEqualTo("anna@example.org");
    }

    @Property(tries = 50)
    void aValueOpensAtTheVersionItWasSealedForAndAtNoOther(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long sealedAt,
                                                           @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long openedAt) {
        Assume.that(sealedAt != openedAt);
        AttackWorld w = new AttackWorld(InMemoryStorage.create());
        String sealed = w.crypto.seal(MANAGER, ORDERS, CELL.atVersion(sealedAt), "anna@example.org");

        assertThat(w.crypto.open(MANAGER, ORDERS, CELL.atVersion(sealedAt), sealed)).isEqualTo("anna@example.org");
        assertThatThrownBy(() -> w.crypto.open(MANAGER, ORDERS, CELL.atVersion(openedAt), sealed))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void aNegativeVersionIsRefused() {
        assertThatThrownBy(() -> CELL.atVersion(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cell version is not negative");
    }
}
