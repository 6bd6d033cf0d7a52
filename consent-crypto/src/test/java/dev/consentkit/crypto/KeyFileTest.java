package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.crypto.internal.Argon2id;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master key kept in a passphrase-sealed file: created, opened, rotated, and refused when wrong. */
class KeyFileTest {
    /** Cheap costs, so the tests run fast; the format and code path are the same as the defaults'. */
    static final Argon2id.Params CHEAP = new Argon2id.Params(64, 1, 1);
    private static final byte[] CONTEXT = "subject/group/1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA_KEY = new byte[32];

    @TempDir
    Path dir;

    private final char[] passphrase = "correct horse battery staple".toCharArray();

    @Test
    void aCreatedFileOpensWithItsPassphraseAndWrapsDataKeys() throws Exception {
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), CHEAP);

        LocalKeyEncryptionKeys keys = KeyFile.open(file, passphrase);
        byte[] wrapped = keys.wrap(DATA_KEY, CONTEXT);

        assertThat(keys.currentKekId()).isEqualTo(KekId.of("kek-2026"));
        assertThat(KeyFile.open(file, passphrase).unwrap(KekId.of("kek-2026"), wrapped, CONTEXT)).isEqualTo(DATA_KEY);
        assertThat(passphrase).containsExactly("correct horse battery staple".toCharArray());
        String text = Files.readString(file);
        assertThat(text).contains("\"argon2id\"", "\"memoryKiB\" : 64", "\"kek-2026\"").doesNotContain("correct horse");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void theDefaultCostsAreRfc9106sSecondRecommendation() throws Exception {
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"));

        ObjectNode kdf = (ObjectNode) new ObjectMapper().readTree(file.toFile()).path("kdf");
        assertThat(kdf.path("memoryKiB").intValue()).isEqualTo(65536);
        assertThat(kdf.path("iterations").intValue()).isEqualTo(3);
        assertThat(kdf.path("parallelism").intValue()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(kdf.path("salt").textValue())).hasSize(16);
        assertThat(KeyFile.open(file, passphrase).currentKekId()).isEqualTo(KekId.of("kek-2026"));
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), CHEAP);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> KeyFile.create(file, passphrase, KekId.of("kek-2027"), CHEAP))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("exists");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aWrongPassphraseSaysOnlyThatAndLeavesTheFileUntouched() throws Exception {
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), CHEAP);
        byte[] before = Files.readAllBytes(file);
        char[] wrong = "correct horse battery stapler".toCharArray();

        assertThatThrownBy(() -> KeyFile.open(file, wrong))
                .isInstanceOf(KeyFileException.class).hasMessage("wrong passphrase or damaged key file").hasNoCause();
        assertThatThrownBy(() -> KeyFile.rotate(file, wrong, KekId.of("kek-2027")))
                .isInstanceOf(KeyFileException.class).hasMessage("wrong passphrase or damaged key file").hasNoCause();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void rotationAddsACurrentKeyAndKeepsTheEarlierOnesForUnwrapping() throws Exception {
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), CHEAP);
        byte[] wrappedIn2026 = KeyFile.open(file, passphrase).wrap(DATA_KEY, CONTEXT);
        String saltBefore = new ObjectMapper().readTree(file.toFile()).path("kdf").path("salt").textValue();

        KeyFile.rotate(file, passphrase, KekId.of("kek-2027"));

        LocalKeyEncryptionKeys keys = KeyFile.open(file, passphrase);
        assertThat(keys.currentKekId()).isEqualTo(KekId.of("kek-2027"));
        assertThat(keys.unwrap(KekId.of("kek-2026"), wrappedIn2026, CONTEXT)).isEqualTo(DATA_KEY);
        assertThat(keys.unwrap(KekId.of("kek-2027"), keys.wrap(DATA_KEY, CONTEXT), CONTEXT)).isEqualTo(DATA_KEY);
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        assertThat(root.path("kdf").path("memoryKiB").intValue()).isEqualTo(64);
        assertThat(root.path("kdf").path("salt").textValue()).isNotEqualTo(saltBefore);
        assertThatThrownBy(() -> KeyFile.rotate(file, passphrase, KekId.of("kek-2026")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    /**
     * Every edit of the file — a byte of any field, another key made current, a renamed or removed key,
     * another generation or id, an older format version — is refused (issue 12 finding 9: the whole file
     * is authenticated, not each key alone).
     */
    @Test
    void anyEditOfTheFileIsRefusedAsDamaged() throws Exception {
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), CHEAP);
        KeyFile.rotate(file, passphrase, KekId.of("kek-2027"));
        String original = Files.readString(file);
        ObjectMapper json = new ObjectMapper();
        List<String> edits = new ArrayList<>();
        edits.add(original.replace("\"current\" : \"kek-2027\"", "\"current\" : \"kek-2026\""));
        edits.add(original.replace("\"kek-2026\"", "\"kek-2025\""));
        edits.add(original.replace("\"memoryKiB\" : 64", "\"memoryKiB\" : 65"));
        edits.add(original.replace("\"iterations\" : 1", "\"iterations\" : 2"));
        edits.add(original.replace("\"argon2id\"", "\"argon2i\""));
        edits.add(original.replace("\"version\" : 2", "\"version\" : 1"));
        edits.add(original.replace("\"version\" : 2", "\"version\" : 3"));
        edits.add(original.replace("\"generation\" : 2", "\"generation\" : 3"));
        edits.add(original.replace("\"generation\" : 2", "\"generation\" : 1"));
        edits.add(original.replace("\"memoryKiB\" : 64", "\"memoryKiB\" : 2147483647"));
        edits.add(original.substring(0, original.length() / 2));
        ObjectNode root = (ObjectNode) json.readTree(original);
        for (String field : List.of("nonce", "sealed")) {
            ObjectNode copy = root.deepCopy();
            byte[] bytes = Base64.getDecoder().decode(copy.path(field).textValue());
            bytes[bytes.length - 1] ^= 1;
            copy.put(field, Base64.getEncoder().encodeToString(bytes));
            edits.add(json.writeValueAsString(copy));
        }
        ObjectNode salt = root.deepCopy();
        salt.with("kdf").put("salt", Base64.getEncoder().encodeToString(new byte[16]));
        edits.add(json.writeValueAsString(salt));
        ObjectNode reordered = root.deepCopy();
        reordered.putArray("keys").add("kek-2027").add("kek-2026");
        edits.add(json.writeValueAsString(reordered));
        ObjectNode added = root.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) added.path("keys")).add("kek-2028");
        edits.add(json.writeValueAsString(added));
        ObjectNode id = root.deepCopy();
        String fileId = root.path("id").textValue();
        id.put("id", (fileId.charAt(0) == 'A' ? "B" : "A") + fileId.substring(1));
        edits.add(json.writeValueAsString(id));

        for (String edit : edits) {
            assertThat(edit).isNotEqualTo(original);
            Files.writeString(file, edit);
            assertThatThrownBy(() -> KeyFile.open(file, passphrase)).as(edit)
                    .isInstanceOf(KeyFileException.class).hasMessage("wrong passphrase or damaged key file");
        }
    }

    @Test
    void aMissingFileIsNamedAndArgumentsAreChecked() {
        Path missing = dir.resolve("absent.key");

        assertThatThrownBy(() -> KeyFile.open(missing, passphrase))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("absent.key").hasMessageNotContaining("horse");
        assertThatThrownBy(() -> KeyFile.create(missing, new char[0], KekId.of("kek-1"), CHEAP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyFile.create(missing, passphrase, KekId.of("kek 1"), CHEAP)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(missing)).isFalse();
    }
}
