package dev.consentkit.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.internal.Argon2id;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Writes a key file as version 1 did (each key sealed on its own, no generation): files that exist. */
final class KeyFileVersion1 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFileVersion1() {
    }

    static void write(Path file, char[] passphrase, String current, Map<String, byte[]> keys) throws IOException {
        Argon2id.Params params = KeyFileTest.CHEAP;
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("format", "consentkit-key-file").put("version", 1);
        root.putObject("kdf").put("name", "argon2id").put("version", 0x13).put("memoryKiB", params.memoryKiB())
                .put("iterations", params.iterations()).put("parallelism", params.parallelism())
                .put("salt", Base64.getEncoder().encodeToString(salt));
        root.put("current", current);
        ArrayNode entries = root.putArray("keys");
        byte[] fileKey = Argon2id.derive(passphrase, salt, params, 32);
        keys.forEach((id, key) -> {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            byte[] tag = "consentkit-key-file/1".getBytes(StandardCharsets.US_ASCII);
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            byte[] aad = ByteBuffer.allocate(tag.length + 4 + idBytes.length + 1).put(tag).putInt(idBytes.length)
                    .put(idBytes).put((byte) (id.equals(current) ? 1 : 0)).array();
            entries.addObject().put("id", id).put("nonce", Base64.getEncoder().encodeToString(nonce))
                    .put("sealed", Base64.getEncoder().encodeToString(AesGcm.seal(fileKey, nonce, aad, key)));
        });
        Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
