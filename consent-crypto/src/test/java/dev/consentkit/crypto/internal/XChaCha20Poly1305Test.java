package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.spec.DecryptionException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class XChaCha20Poly1305Test {
    private static final byte[] KEY = TestBytes.sequence(32, 0);
    private static final byte[] NONCE = TestBytes.sequence(24, 64);

    @Test
    void hChaCha20MatchesTheDraftsTestVector() {
        // draft-irtf-cfrg-xchacha-03, section 2.2.1
        byte[] nonce = HexFormat.of().parseHex("000000090000004a0000000031415927");
        assertThat(HexFormat.of().formatHex(HChaCha20.subkey(KEY, nonce)))
                .isEqualTo("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc");
    }

    @Test
    void refusesEveryKeyAndNonceSizeButItsOwn() {
        for (int size : new int[] {0, 16, 31, 33}) {
            assertThatThrownBy(() -> XChaCha20Poly1305.seal(new byte[size], NONCE, new byte[0], new byte[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("key must have 32 bytes, got " + size);
        }
        for (int size : new int[] {0, 8, 12, 16, 23, 25, 32}) {
            assertThatThrownBy(() -> XChaCha20Poly1305.seal(KEY, new byte[size], new byte[0], new byte[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("nonce must have 24 bytes, got " + size);
            assertThatThrownBy(() -> XChaCha20Poly1305.open(KEY, new byte[size], new byte[0], new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aValueShorterThanATagDoesNotOpen() {
        for (int length = 0; length < XChaCha20Poly1305.TAG_BYTES; length++) {
            byte[] sealed = new byte[length];
            assertThatThrownBy(() -> XChaCha20Poly1305.open(KEY, NONCE, new byte[0], sealed))
                    .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        }
    }

    @Test
    void theSameNonceMaySealTwiceWithoutStateCarriedOver() {
        // a fresh Bouncy Castle object per call: no guard, and no state shared between calls
        byte[] once = XChaCha20Poly1305.seal(KEY, NONCE, new byte[0], new byte[5]);
        assertThat(XChaCha20Poly1305.seal(KEY, NONCE, new byte[0], new byte[5])).isEqualTo(once);
    }
}
