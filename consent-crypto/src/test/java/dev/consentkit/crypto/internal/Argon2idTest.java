package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Argon2id as Bouncy Castle computes it, against RFC 9106, and the bounds we put on its costs. */
class Argon2idTest {

    private static byte[] filled(int length, int b) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) b);
        return out;
    }

    /** RFC 9106, section 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4 lanes, with secret and data. */
    @Test
    void matchesTheRfc9106TestVector() {
        byte[] tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                new Argon2id.Params(32, 3, 4), 32);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void aPassphraseIsDerivedFromItsUtf8Bytes() {
        Argon2id.Params cheap = new Argon2id.Params(64, 1, 1);
        char[] passphrase = "пароль correct horse".toCharArray();

        byte[] derived = Argon2id.derive(passphrase, filled(16, 7), cheap, 32);

        assertThat(derived).isEqualTo(Argon2id.derive("пароль correct horse".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                filled(16, 7), new byte[0], new byte[0], cheap, 32));
        assertThat(passphrase).containsExactly("пароль correct horse".toCharArray());
        assertThat(Argon2id.derive("пароль correct horsf".toCharArray(), filled(16, 7), cheap, 32)).isNotEqualTo(derived);
    }

    @Test
    void refusesWeakOrRunawayParametersAndMalformedInput() {
        assertThatThrownBy(() -> new Argon2id.Params(4 * 1024 * 1024 + 1, 3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2id.Params(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2id.Params(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        Argon2id.Params cheap = new Argon2id.Params(64, 1, 1);
        assertThatThrownBy(() -> Argon2id.derive(new char[0], filled(16, 1), cheap, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argon2id.derive("x".toCharArray(), filled(8, 1), cheap, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argon2id.derive(new char[] {'a', '\uD800'}, filled(16, 1), cheap, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("passphrase is not well-formed text");
    }
}
