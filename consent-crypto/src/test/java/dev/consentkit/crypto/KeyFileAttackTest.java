package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 finding 9 (Low), M19: an attacker with write access to the key file deletes the retired
 * master key (silently shredding every data key still wrapped under it) or rolls the file back to before
 * a rotation (making a retired, perhaps compromised, key current again). Both now fail: the whole file
 * is authenticated, and the kit's database remembers the newest generation of the file it has seen and
 * which master keys data keys are wrapped under. Passphrases that write a file have a minimum length.
 */
class KeyFileAttackTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final Principal MANAGER = Principal.of("olga", "manager");

    @TempDir
    Path dir;

    private final char[] passphrase = "correct horse battery staple".toCharArray();
    private ConsentKit kit;
    private AccessPolicy policy;
    private Path file;

    private void start(Supplier<ConsentStorage> storage) {
        policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
        kit = Instances.kit(storage.get(), MutableClock.at("2026-03-02T10:00:00Z"), policy);
        file = dir.resolve("master.key");
    }

    private FieldCrypto crypto() {
        return FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(KeyFile.open(file, passphrase))
                .blindIndexKey(HmacKey.of(LegacyKeys.chosen(9))).fields(EMAIL).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void deletingTheRetiredKeyFromTheFileIsFound(String name, Supplier<ConsentStorage> storage) throws Exception {
        start(storage);
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), KeyFileTest.CHEAP);
        FieldRef cell = EMAIL.at("row-1", SubjectId.of("client-1001"));
        String sealed = crypto().seal(MANAGER, ORDERS, cell, "anna@example.org");
        KeyFile.rotate(file, passphrase, KekId.of("kek-2027"));
        String rotated = Files.readString(file);

        // without the passphrase: drop the retired key's id from the list
        ObjectMapper json = new ObjectMapper();
        ObjectNode edited = (ObjectNode) json.readTree(rotated);
        ArrayNode ids = edited.putArray("keys");
        ids.add("kek-2027");
        Files.writeString(file, json.writeValueAsString(edited));

        assertThatThrownBy(() -> KeyFile.open(file, passphrase))
                .isInstanceOf(KeyFileException.class).hasMessage(KeyFileException.WRONG_PASSPHRASE_OR_DAMAGED);

        // with the passphrase: a file holding only a new current key (what a careless restore or an insider
        // could put there) is refused, because a data key is still wrapped under kek-2026
        Files.delete(file);
        KeyFile.create(file, passphrase, KekId.of("kek-2027"), KeyFileTest.CHEAP);
        assertThatThrownBy(this::crypto)
                .isInstanceOf(KeyFileException.class)
                .hasMessage("the key file lacks master key(s) [kek-2026] that data keys are still wrapped under: it"
                        + " was rolled back or a key was removed; restore the file that holds them");

        Files.writeString(file, rotated);
        assertThat(crypto().open(MANAGER, ORDERS, cell, sealed)).isEqualTo("anna@example.org");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void rollingTheFileBackToBeforeARotationIsFound(String name, Supplier<ConsentStorage> storage) throws Exception {
        start(storage);
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), KeyFileTest.CHEAP);
        FieldRef cell = EMAIL.at("row-1", SubjectId.of("client-1001"));
        String sealed = crypto().seal(MANAGER, ORDERS, cell, "anna@example.org");
        byte[] generation1 = Files.readAllBytes(file);
        KeyFile.rotate(file, passphrase, KekId.of("kek-2027"));
        byte[] generation2 = Files.readAllBytes(file);
        FieldCrypto rotated = crypto();
        rotated.rewrapAll(100, report -> { });
        KeyFile.dropRetired(file, passphrase, rotated);
        byte[] generation3 = Files.readAllBytes(file);

        // back to before the drop: kek-2026 is in it again, though nothing needs it
        Files.write(file, generation2);
        assertThatThrownBy(this::crypto)
                .isInstanceOf(KeyFileException.class)
                .hasMessageMatching("key file [A-Za-z0-9_-]{22} was rolled back: it is generation 2, but this database"
                        + " has seen generation 3; restore the current file");
        // back to before the rotation: kek-2026 current again, and kek-2027, which every key is under, gone
        Files.write(file, generation1);
        assertThatThrownBy(this::crypto)
                .isInstanceOf(KeyFileException.class).hasMessageContaining("lacks master key(s) [kek-2027]");

        Files.write(file, generation3);
        assertThat(crypto().open(MANAGER, ORDERS, cell, sealed)).isEqualTo("anna@example.org");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void aVersion1FileKeepsOpeningUntilUpgradedAndIsRefusedAfterwards(String name, Supplier<ConsentStorage> storage)
            throws Exception {
        start(storage);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("kek-2026", LegacyKeys.chosen(0x26));
        KeyFileVersion1.write(file, passphrase, "kek-2026", keys);
        byte[] version1 = Files.readAllBytes(file);
        FieldRef cell = EMAIL.at("row-1", SubjectId.of("client-1001"));
        String sealed = crypto().seal(MANAGER, ORDERS, cell, "anna@example.org");

        assertThat(KeyFile.upgrade(file, passphrase)).isTrue();
        assertThat(KeyFile.upgrade(file, passphrase)).as("already version 2").isFalse();
        assertThat(new ObjectMapper().readTree(file.toFile()).path("version").intValue()).isEqualTo(2);
        assertThat(crypto().open(MANAGER, ORDERS, cell, sealed)).isEqualTo("anna@example.org");

        Files.write(file, version1);
        assertThatThrownBy(this::crypto)
                .isInstanceOf(KeyFileException.class)
                .hasMessage("a version-1 key file was given, but this database has seen a version-2 key file: the file"
                        + " was rolled back; restore the current one");
    }

    @Test
    void aPassphraseThatWritesAFileHasAtLeast15Characters() throws Exception {
        Path file = dir.resolve("short.key");
        char[] fourteen = "fourteen chars".toCharArray();
        // 14 characters outside the BMP are 28 Java chars, and still 14 characters
        char[] wide = "\uD83D\uDD11".repeat(14).toCharArray();

        for (char[] shortOne : new char[][] {fourteen, wide, "x".toCharArray()}) {
            assertThatThrownBy(() -> KeyFile.create(file, shortOne, KekId.of("kek-2026"), KeyFileTest.CHEAP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("passphrase must have at least 15 characters (MIN_PASSPHRASE_CHARACTERS)");
        }
        assertThat(Files.exists(file)).isFalse();
        KeyFile.create(file, "fifteen chars!!".toCharArray(), KekId.of("kek-2026"), KeyFileTest.CHEAP);
        assertThat(KeyFile.MIN_PASSPHRASE_CHARACTERS).isEqualTo(15);

        // a file written before the rule keeps opening with its short passphrase, refuses to be rewritten
        // with it, and takes a longer one
        Path old = dir.resolve("old.key");
        KeyFileVersion1.write(old, fourteen, "kek-2025", Map.of("kek-2025", LegacyKeys.chosen(0x25)));
        assertThat(KeyFile.open(old, fourteen).currentKekId()).isEqualTo(KekId.of("kek-2025"));
        assertThatThrownBy(() -> KeyFile.rotate(old, fourteen, KekId.of("kek-2026"))).isInstanceOf(IllegalArgumentException.class);
        KeyFile.changePassphrase(old, fourteen, passphrase);
        assertThat(KeyFile.open(old, passphrase).currentKekId()).isEqualTo(KekId.of("kek-2025"));
        assertThatThrownBy(() -> KeyFile.open(old, fourteen)).isInstanceOf(KeyFileException.class);
        assertThat(new ObjectMapper().readTree(old.toFile()).path("version").intValue()).isEqualTo(2);
    }
}
