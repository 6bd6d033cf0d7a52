package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentkit.crypto.spec.Suite;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the field ciphertext format, version 1: {@code golden/field-ciphertext-v1.json} was derived
 * from the format's description by an independent implementation ({@code field_ciphertext_v1.py},
 * pyca/cryptography). Changing any byte of the format, the AAD, the key derivation or the commitment
 * fails here; once a version has been released, such a change needs a new format version, never new
 * expectations. (Version 1 was redefined once, before any release: docs/design.md says why.)
 */
class GoldenVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private final FieldSealer sealer = new FieldSealer();

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("/golden/field-ciphertext-v1.json")) {
            List<Arguments> out = new ArrayList<>();
            for (JsonNode v : new ObjectMapper().readTree(in).get("vectors")) {
                out.add(Arguments.of(v.get("name").asText(), v));
            }
            assertThat(out).extracting(a -> ((JsonNode) a.get()[1]).get("suite").asText())
                    .contains(Suite.AES_256_GCM.name(), Suite.XCHACHA20_POLY1305.name());
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sealingWithTheFixedNonceGivesExactlyTheGoldenBytes(String name, JsonNode v) {
        FieldCiphertext sealed = sealer.seal(key(v), suite(v), context(v), hex(v, "plaintext"), hex(v, "nonce"));

        assertThat(HEX.formatHex(sealed.encode())).isEqualTo(v.get("ciphertext").asText());
        assertThat(sealed.encodeText()).isEqualTo(v.get("text").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theGoldenBytesAndTextOpen(String name, JsonNode v) {
        FieldCiphertext binary = FieldCiphertext.parse(hex(v, "ciphertext"));
        FieldCiphertext text = FieldCiphertext.parseText(v.get("text").asText());

        assertThat(sealer.open(key(v), context(v), binary)).isEqualTo(hex(v, "plaintext"));
        assertThat(sealer.open(key(v), context(v), text)).isEqualTo(hex(v, "plaintext"));
        assertThat(binary.suite()).isEqualTo(suite(v));
        assertThat(Integer.toUnsignedLong(binary.keyId())).isEqualTo(v.get("keyId").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theAadCommitmentAndEncryptionKeyAreTheGoldenOnes(String name, JsonNode v) {
        FieldCiphertext ciphertext = FieldCiphertext.parse(hex(v, "ciphertext"));
        byte[] aad = Aad.of(context(v), ciphertext.header());

        assertThat(HEX.formatHex(aad)).isEqualTo(v.get("aad").asText());
        assertThat(HEX.formatHex(KeyCommitment.commitment(suite(v), hex(v, "dek"))))
                .isEqualTo(v.get("commitment").asText())
                .isEqualTo(HEX.formatHex(ciphertext.commitment()));
        assertThat(HEX.formatHex(KeyCommitment.encryptionKey(suite(v), hex(v, "dek"))))
                .isEqualTo(v.get("encryptionKey").asText());
    }

    private static DataKey key(JsonNode v) {
        return DataKey.of((int) v.get("keyId").asLong(), hex(v, "dek"));
    }

    private static Suite suite(JsonNode v) {
        return Suite.valueOf(v.get("suite").asText());
    }

    private static FieldContext context(JsonNode v) {
        JsonNode c = v.get("context");
        return new FieldContext(c.get("table").asText(), c.get("column").asText(), c.get("rowKey").asText(),
                c.get("subjectRef").asText());
    }

    private static byte[] hex(JsonNode v, String field) {
        return HEX.parseHex(v.get(field).asText());
    }
}
