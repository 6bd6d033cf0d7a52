package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.spec.Suite;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What must not open does not, with "decryption failed" and nothing more (DESIGN §3): every bit of
 * every byte flipped, the value moved to another table, column, row or subject, another key,
 * truncated or extended, garbage.
 */
class FieldSealerTest {
    private static final DataKey KEY = DataKey.of(0x0A0B0C0D, TestBytes.sequence(32, 1));
    private static final FieldContext HERE = new FieldContext("clients", "email", "42", "sr_7f3a9c");
    private static final byte[] VALUE = "anna.petrova@example.ru".getBytes(StandardCharsets.UTF_8);

    private final FieldSealer sealer = new FieldSealer();

    @ParameterizedTest
    @EnumSource(Suite.class)
    void everyFlippedBitOfEveryByteFailsToOpen(Suite suite) {
        byte[] good = sealer.seal(KEY, suite, HERE, VALUE).encode();
        // header, nonce, commitment, ciphertext and tag: every region, every byte, every bit
        assertThat(good).hasSize(FieldCiphertext.HEADER_BYTES + Suites.nonceBytes(suite) + KeyCommitment.BYTES
                + VALUE.length + FieldCiphertext.TAG_BYTES);
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = good.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parse(flipped)));
            }
        }
        assertThat(sealer.open(KEY, HERE, FieldCiphertext.parse(good))).isEqualTo(VALUE);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void everyFlippedBitOfAVersionBoundValueFailsToOpenAndSoDoesEveryOtherVersion(Suite suite) {
        FieldContext v9 = new FieldContext("clients", "email", "42", "sr_7f3a9c", java.util.OptionalLong.of(9));
        byte[] good = sealer.seal(KEY, suite, v9, VALUE).encode();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = good.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertFails(() -> sealer.open(KEY, v9, FieldCiphertext.parse(flipped)));
            }
        }
        for (long other : new long[] {0, 8, 10, 90, 99, Long.MAX_VALUE}) {
            FieldContext elsewhere = new FieldContext("clients", "email", "42", "sr_7f3a9c", java.util.OptionalLong.of(other));
            assertFails(() -> sealer.open(KEY, elsewhere, FieldCiphertext.parse(good)));
        }
        assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parse(good)));
        assertThat(sealer.open(KEY, v9, FieldCiphertext.parse(good))).isEqualTo(VALUE);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aValueMovedToAnotherTableColumnRowOrSubjectFailsToOpen(Suite suite) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, HERE, VALUE);
        List<FieldContext> elsewhere = List.of(
                new FieldContext("suppliers", "email", "42", "sr_7f3a9c"),
                new FieldContext("clients", "phone", "42", "sr_7f3a9c"),
                new FieldContext("clients", "email", "43", "sr_7f3a9c"),
                new FieldContext("clients", "email", "42", "sr_7f3a9d"),
                // the same bytes split differently between the parts
                new FieldContext("client", "semail", "42", "sr_7f3a9c"),
                new FieldContext("clients", "email4", "2", "sr_7f3a9c"));
        for (FieldContext other : elsewhere) {
            assertFails(() -> sealer.open(KEY, other, sealed));
        }
        assertThat(sealer.open(KEY, new FieldContext("clients", "email", "42", "sr_7f3a9c"), sealed)).isEqualTo(VALUE);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void anotherKeyOrKeyIdFailsToOpen(Suite suite) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, HERE, VALUE);
        assertFails(() -> sealer.open(DataKey.of(KEY.keyId(), TestBytes.sequence(32, 2)), HERE, sealed));
        assertFails(() -> sealer.open(DataKey.of(KEY.keyId() + 1, TestBytes.sequence(32, 1)), HERE, sealed));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void truncatedOrExtendedValuesFailCleanly(Suite suite) {
        byte[] good = sealer.seal(KEY, suite, HERE, VALUE).encode();
        for (int length = 0; length < good.length; length++) {
            byte[] truncated = Arrays.copyOf(good, length);
            assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parse(truncated)));
        }
        byte[] extended = Arrays.copyOf(good, good.length + 1);
        assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parse(extended)));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aValueSealedForTheOtherSuiteUnderTheSameKeyOpensOnlyAsItself(Suite suite) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, HERE, VALUE);
        byte[] relabelled = sealed.encode();
        Suite other = suite == Suite.AES_256_GCM ? Suite.XCHACHA20_POLY1305 : Suite.AES_256_GCM;
        relabelled[1] = (byte) Suites.code(other);
        assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parse(relabelled)));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void anEmptyValueSealsAndOpens(Suite suite) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, HERE, new byte[0]);
        assertThat(sealed.encode()).hasSize(FieldCiphertext.HEADER_BYTES + Suites.nonceBytes(suite)
                + KeyCommitment.BYTES + FieldCiphertext.TAG_BYTES);
        assertThat(sealer.open(KEY, HERE, FieldCiphertext.parseText(sealed.encodeText()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void sealingTheSameValueTwiceGivesDifferentCiphertexts(Suite suite) {
        byte[] once = sealer.seal(KEY, suite, HERE, VALUE).encode();
        byte[] twice = sealer.seal(KEY, suite, HERE, VALUE).encode();
        assertThat(twice).isNotEqualTo(once);
        assertThat(Arrays.copyOfRange(twice, 0, FieldCiphertext.HEADER_BYTES))
                .isEqualTo(Arrays.copyOfRange(once, 0, FieldCiphertext.HEADER_BYTES));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void bouncyCastleIsNeverRegisteredAsAProvider(Suite suite) {
        sealer.open(KEY, HERE, sealer.seal(KEY, suite, HERE, VALUE));
        assertThat(Security.getProviders()).noneMatch(p -> p.getClass().getName().startsWith("org.bouncycastle"));
    }

    static void assertFails(ThrowingCallable open) {
        assertThatThrownBy(open).isExactlyInstanceOf(DecryptionException.class)
                .hasMessage("decryption failed").hasNoCause();
    }
}
