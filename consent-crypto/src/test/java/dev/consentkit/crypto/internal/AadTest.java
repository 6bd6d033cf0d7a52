package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.spec.Suite;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The canonical associated data, its context and the key commitment over it. */
class AadTest {
    private static final byte[] HEADER = FieldCiphertext.header(Suite.AES_256_GCM, 0x12345678);

    @Test
    void isTheLabelTheLengthPrefixedPartsAndTheHeader() {
        byte[] aad = Aad.of(new FieldContext("t", "cö", "7", "x"), HEADER);
        assertThat(HexFormat.of().formatHex(aad)).isEqualTo(
                "636b2f7631" // "ck/v1"
                + "00000001" + "74" // "t"
                + "00000003" + "63c3b6" // "cö", 3 UTF-8 bytes
                + "00000001" + "37" // "7"
                + "00000001" + "78" // "x"
                + "01" + "01" + "02" + "12345678"); // version, suite, flags, key id
    }

    @Test
    void aVersionedCellAddsTheLengthPrefixedDecimalVersionBeforeTheHeader() {
        byte[] header = FieldCiphertext.header(Suite.AES_256_GCM, 0x12345678);
        header[2] = (byte) (header[2] | FieldCiphertext.VERSION_BOUND);
        byte[] aad = Aad.of(new FieldContext("t", "cö", "7", "x", java.util.OptionalLong.of(42)), header);
        assertThat(HexFormat.of().formatHex(aad)).isEqualTo(
                "636b2f7631" // "ck/v1"
                + "00000001" + "74" // "t"
                + "00000003" + "63c3b6" // "cö"
                + "00000001" + "37" // "7"
                + "00000001" + "78" // "x"
                + "00000002" + "3432" // version "42"
                + "01" + "01" + "06" + "12345678"); // version, suite, flags (commitment + version-bound), key id
    }

    @Test
    void aVersionedAndAnUnversionedContextNeverShareAnAad() {
        // the row key "7" + version 1 against a row key that ends in what would be the version's prefix
        byte[] versioned = Aad.of(new FieldContext("t", "c", "7", "x", java.util.OptionalLong.of(1)), HEADER);
        byte[] plain = Aad.of(new FieldContext("t", "c", "7", "x"), HEADER);
        assertThat(versioned).isNotEqualTo(plain);
        assertThat(new FieldContext("t", "c", "7", "x", java.util.OptionalLong.of(1)))
                .isNotEqualTo(new FieldContext("t", "c", "7", "x"));
        assertThatThrownBy(() -> new FieldContext("t", "c", "7", "x", java.util.OptionalLong.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthPrefixesKeepDifferentSplitsApart() {
        byte[] one = Aad.of(new FieldContext("ab", "c", "1", "s"), HEADER);
        byte[] other = Aad.of(new FieldContext("a", "bc", "1", "s"), HEADER);
        assertThat(one).isNotEqualTo(other).hasSameSizeAs(other);
    }

    @Test
    void contextPartsMustBeNonEmptyAndWellFormed() {
        assertThatThrownBy(() -> new FieldContext("", "c", "1", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("table must not be empty");
        assertThatThrownBy(() -> new FieldContext("t", "c", "1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("subjectRef");
        // a lone surrogate would encode as '?', the same bytes as the row key "a?"
        assertThatThrownBy(() -> new FieldContext("t", "c", "a\uD800", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rowKey is not well-formed");
        assertThat(new FieldContext("t", "c", "a\uD83D\uDE00", "s").rowKey()).hasSize(3);
    }

    @Test
    void theCommitmentAndEncryptionKeyDependOnKeyAndSuiteAndAreSeparate() {
        byte[] dek = TestBytes.sequence(32, 5);
        byte[] other = TestBytes.sequence(32, 6);
        assertThat(KeyCommitment.commitment(Suite.AES_256_GCM, dek))
                .hasSize(16)
                .isNotEqualTo(KeyCommitment.commitment(Suite.XCHACHA20_POLY1305, dek))
                .isNotEqualTo(KeyCommitment.commitment(Suite.AES_256_GCM, other))
                .isNotEqualTo(Arrays.copyOf(KeyCommitment.encryptionKey(Suite.AES_256_GCM, dek), 16));
        assertThat(KeyCommitment.encryptionKey(Suite.AES_256_GCM, dek))
                .hasSize(32)
                .isNotEqualTo(dek)
                .isNotEqualTo(KeyCommitment.encryptionKey(Suite.XCHACHA20_POLY1305, dek));
    }

    @Test
    void aDataKeyDerivesItsSuiteKeysOnceAndKeepsThem() {
        DataKey key = DataKey.of(7, TestBytes.sequence(32, 9));
        DataKey.SuiteKey aes = key.forSuite(Suite.AES_256_GCM);
        assertThat(key.forSuite(Suite.AES_256_GCM)).isSameAs(aes);
        assertThat(aes.commitment).isEqualTo(KeyCommitment.commitment(Suite.AES_256_GCM, key.bytes()));
        assertThat(aes.jdkKey.getEncoded()).isEqualTo(KeyCommitment.encryptionKey(Suite.AES_256_GCM, key.bytes()));
        assertThat(key.forSuite(Suite.XCHACHA20_POLY1305).jdkKey).isNull();
    }

    @Test
    void theCommitmentComparisonLooksAtExactlyItsSixteenBytes() {
        byte[] expected = TestBytes.sequence(16, 3);
        byte[] encoded = new byte[40];
        System.arraycopy(expected, 0, encoded, 10, 16);
        assertThat(KeyCommitment.matches(expected, encoded, 10)).isTrue();
        for (int i = 0; i < 16; i++) {
            byte[] changed = encoded.clone();
            changed[10 + i] ^= 0x01;
            assertThat(KeyCommitment.matches(expected, changed, 10)).as("byte %d", i).isFalse();
        }
        assertThat(KeyCommitment.matches(expected, encoded, 9)).isFalse();
    }

    @Test
    void aDataKeyShowsItsIdOnly() {
        byte[] raw = TestBytes.sequence(32, 0x41);
        DataKey key = DataKey.of(-1, raw);
        raw[0] = 0;
        assertThat(key.bytes()[0]).as("copied in").isEqualTo((byte) 0x41);
        assertThat(key).hasToString("DataKey[keyId=4294967295, key=<masked>]");
        assertThat(key.toString()).doesNotContain(HexFormat.of().formatHex(key.bytes()).substring(0, 8));
        assertThatThrownBy(() -> DataKey.of(1, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key must have 32 bytes, got 16");
    }
}
