package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The cheap canonical-spelling check of the text form agrees with its definition, "re-encoding the
 * decoded bytes gives the same text", for every byte string and every last character.
 */
class CanonicalTextProperties {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Property(tries = 300)
    void everyLastCharacterIsJudgedAsReEncodingWouldJudgeIt(@ForAll @Size(max = 80) byte[] bytes) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(FieldCiphertext.canonical(body)).isTrue();
        if (body.isEmpty()) {
            return;
        }
        for (char c : (ALPHABET + "=").toCharArray()) {
            String other = body.substring(0, body.length() - 1) + c;
            byte[] decoded;
            try {
                decoded = Base64.getUrlDecoder().decode(other);
            } catch (IllegalArgumentException e) {
                continue; // the decoder refuses it already
            }
            boolean reEncodes = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(other);
            assertThat(FieldCiphertext.canonical(other)).as("%s", other).isEqualTo(reEncodes);
        }
        assertThat(FieldCiphertext.canonical(body + "==")).isFalse();
    }
}
