package dev.consentkit.crypto.internal;

import static dev.consentkit.crypto.internal.FieldSealerTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.crypto.spec.Suite;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict parsing of the binary and text forms: anything but a well-formed version-1 value fails. */
class FieldCiphertextTest {
    private static final DataKey KEY = DataKey.of(-2, TestBytes.sequence(32, 1));
    private static final FieldContext HERE = new FieldContext("clients", "email", "42", "sr_7f3a9c");

    private final FieldSealer sealer = new FieldSealer();

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theBinaryAndTextFormsRoundTrip(Suite suite) {
        FieldCiphertext sealed = sealer.seal(KEY, suite, HERE, new byte[] {1, 2, 3});

        FieldCiphertext fromBinary = FieldCiphertext.parse(sealed.encode());
        FieldCiphertext fromText = FieldCiphertext.parseText(sealed.encodeText());

        assertThat(fromBinary.encode()).isEqualTo(sealed.encode());
        assertThat(fromText.encode()).isEqualTo(sealed.encode());
        assertThat(fromText.suite()).isEqualTo(suite);
        assertThat(fromText.keyId()).isEqualTo(-2);
        assertThat(sealed.encodeText()).startsWith("ck1.").doesNotContain("=", "+", "/");
        assertThat(sealed.toString()).isEqualTo("FieldCiphertext[suite=" + suite + ", keyId=4294967294, bytes="
                + sealed.encode().length + "]");
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        FieldCiphertext sealed = sealer.seal(KEY, Suite.AES_256_GCM, HERE, new byte[5]);
        byte[] bytes = sealed.encode();

        assertThat(bytes).startsWith(0x01, 0x01, 0x02, 0xFF, 0xFF, 0xFF, 0xFE);
        assertThat(bytes).hasSize(7 + 12 + 16 + 5 + 16);
        assertThat(sealed.header()).containsExactly(0x01, 0x01, 0x02, 0xFF, 0xFF, 0xFF, 0xFE);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.commitment()).hasSize(16);
        assertThat(sealed.sealed()).hasSize(5 + 16);
        assertThat(sealer.seal(KEY, Suite.XCHACHA20_POLY1305, HERE, new byte[5]).encode())
                .startsWith(0x01, 0x03, 0x02).hasSize(7 + 24 + 16 + 5 + 16);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x02, 0x80, 0xFF})
    void anotherVersionFails(int version) {
        byte[] bytes = good();
        bytes[0] = (byte) version;
        assertFails(() -> FieldCiphertext.parse(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x02, 0x04, 0x7F, 0x80, 0xFF})
    void anUnknownSuiteFails(int suite) {
        byte[] bytes = good();
        bytes[1] = (byte) suite;
        assertFails(() -> FieldCiphertext.parse(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x03, 0x04, 0x05, 0x07, 0x0A, 0x0E, 0x46, 0x80, 0xFF})
    void otherFlagsFail(int flags) {
        byte[] bytes = good();
        bytes[2] = (byte) flags;
        assertFails(() -> FieldCiphertext.parse(bytes));
    }

    @Test
    void aVersionBoundValueCarriesFlag0x06AndOpensOnlyInItsVersionedContext() {
        FieldContext v7 = new FieldContext("clients", "email", "42", "sr_7f3a9c", java.util.OptionalLong.of(7));
        FieldCiphertext bound = sealer.seal(KEY, Suite.AES_256_GCM, v7, new byte[] {1, 2, 3});

        assertThat(bound.encode()[2]).isEqualTo((byte) 0x06);
        assertThat(bound.versionBound()).isTrue();
        assertThat(bound.toString()).contains("version-bound");
        assertThat(sealer.open(KEY, v7, FieldCiphertext.parseText(bound.encodeText()))).containsExactly(1, 2, 3);
        assertFails(() -> sealer.open(KEY, HERE, bound));
        assertFails(() -> sealer.open(KEY, new FieldContext("clients", "email", "42", "sr_7f3a9c",
                java.util.OptionalLong.of(8)), bound));
    }

    @Test
    void settingOrClearingTheVersionFlagOfAStoredValueNeverOpens() {
        FieldContext v7 = new FieldContext("clients", "email", "42", "sr_7f3a9c", java.util.OptionalLong.of(7));
        byte[] unbound = good();
        unbound[2] = 0x06;
        byte[] bound = sealer.seal(KEY, Suite.AES_256_GCM, v7, new byte[] {1, 2, 3}).encode();
        bound[2] = 0x02;

        assertFails(() -> sealer.open(KEY, v7, FieldCiphertext.parse(unbound)));
        assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parse(bound)));
    }

    @Test
    void everyLengthShorterThanTheEmptyValueFails() {
        byte[] bytes = good();
        for (int length = 0; length < 7 + 12 + 16 + 16; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertFails(() -> FieldCiphertext.parse(truncated));
        }
        assertThat(FieldCiphertext.parse(Arrays.copyOf(bytes, 7 + 12 + 16 + 16)).sealed()).hasSize(16);
    }

    @Test
    void emptyAndGarbageFail() {
        assertFails(() -> FieldCiphertext.parse(new byte[0]));
        assertFails(() -> FieldCiphertext.parse(TestBytes.sequence(200, 77)));
        assertFails(() -> FieldCiphertext.parse(new byte[64]));
    }

    @Test
    void textFormsOtherThanTheCanonicalOneFail() {
        String text = fixedText();
        String body = text.substring(FieldCiphertext.TEXT_PREFIX.length());
        String standardAlphabet = Base64.getEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(body));
        assertThat(standardAlphabet).as("the fixed value exercises the URL-safe characters").isNotEqualTo(body);

        for (String bad : new String[] {
            "", "ck1", "ck1.", "ck1.!!!!", "CK1." + body, "ck2." + body, "cc1." + body, body, "ck1.." + body,
            " " + text, text + " ", text + "\n", text + "=", text + "==", "ck1." + standardAlphabet,
            text.substring(0, text.length() - 1),
        }) {
            assertFails(() -> FieldCiphertext.parseText(bad));
        }
        // every shorter text fails: at parsing, or at opening where it still spells a well-formed value
        // (two characters fewer is 51 bytes, the length of an empty value)
        for (int cut = 1; cut <= body.length(); cut++) {
            String truncated = text.substring(0, text.length() - cut);
            assertFails(() -> sealer.open(KEY, HERE, FieldCiphertext.parseText(truncated)));
        }
        assertThat(FieldCiphertext.parseText(text).encodeText()).isEqualTo(text);
    }

    @Test
    void strayLowBitsInTheLastCharacterAreNotASecondSpelling() {
        String text = fixedText();
        // 52 bytes encode to 70 characters; the last carries 4 significant bits and 2 unused ones
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(text.charAt(text.length() - 1));
        assertThat(last & 0b11).isZero();
        String spelledOtherwise = text.substring(0, text.length() - 1) + alphabet.charAt(last | 0b01);

        assertThat(Base64.getUrlDecoder().decode(spelledOtherwise.substring(4)))
                .as("the JDK decoder alone would accept it").isEqualTo(FieldCiphertext.parseText(text).encode());
        assertFails(() -> FieldCiphertext.parseText(spelledOtherwise));
    }

    /** A 52-byte value with a fixed nonce, whose text form has both URL-safe characters' kind in it. */
    private String fixedText() {
        String text = sealer.seal(KEY, Suite.AES_256_GCM, HERE, new byte[] {1}, TestBytes.sequence(12, 0xF0)).encodeText();
        assertThat(text).hasSize(4 + 70);
        return text;
    }

    private byte[] good() {
        return sealer.seal(KEY, Suite.AES_256_GCM, HERE, new byte[] {1, 2, 3}).encode();
    }
}
