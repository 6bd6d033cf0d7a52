package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HkdfAndHmacTest {
    private static final byte[] KEY = TestBytes.sequence(32, 9);
    private static final byte[] MSG = "alice@example.com".getBytes(StandardCharsets.UTF_8);

    @Test
    void hkdfRefusesOutputLengthsOutsideRfc5869() {
        for (int length : new int[] {-1, 0, Hkdf.MAX_OUTPUT_BYTES + 1}) {
            assertThatThrownBy(() -> Hkdf.sha256(KEY, new byte[0], new byte[0], length))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 8160 bytes");
        }
        assertThat(Hkdf.sha256(KEY, new byte[0], new byte[0], Hkdf.MAX_OUTPUT_BYTES)).hasSize(Hkdf.MAX_OUTPUT_BYTES);
    }

    @Test
    void hmacRefusesKeysShorterThan256Bits() {
        assertThatThrownBy(() -> HmacSha256.mac(new byte[31], MSG))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("HMAC key must have at least 32 bytes, got 31");
        assertThat(HmacSha256.mac(new byte[65], MSG)).hasSize(32);
    }

    @Test
    void truncatedIsThePrefixOfTheFullMacAndRefusesOtherLengths() {
        byte[] full = HmacSha256.mac(KEY, MSG);
        for (int length = 1; length <= 32; length++) {
            assertThat(HmacSha256.truncated(KEY, length, MSG)).containsExactly(java.util.Arrays.copyOf(full, length));
        }
        for (int length : new int[] {0, -1, 33}) {
            assertThatThrownBy(() -> HmacSha256.truncated(KEY, length, MSG)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void partsAreConcatenated() {
        byte[] ab = HmacSha256.mac(KEY, "ab".getBytes(StandardCharsets.US_ASCII), "c".getBytes(StandardCharsets.US_ASCII));
        byte[] abc = HmacSha256.mac(KEY, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(ab).isEqualTo(abc);
    }

    @Test
    void aNullPartLeavesTheThreadsMacClean() {
        assertThatThrownBy(() -> HmacSha256.mac(KEY, MSG, null)).isInstanceOf(NullPointerException.class);
        assertThat(HmacSha256.mac(KEY, MSG)).isEqualTo(HmacSha256.mac(KEY.clone(), MSG.clone()))
                .isNotEqualTo(HmacSha256.mac(KEY, MSG, MSG));
    }
}
