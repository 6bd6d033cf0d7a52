package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Retired master keys leave the key file only once no data key is wrapped under them. */
class KeyFileRetirementTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));

    @TempDir
    Path dir;

    private final char[] passphrase = "correct horse battery staple".toCharArray();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void retiredKeysAreDroppedOnlyAfterEveryDataKeyWasRewrapped(String name, Supplier<ConsentStorage> storage) throws Exception {
        AccessPolicy policy = AccessPolicy.builder(Fixtures.catalog())
                .grant("manager").purposes(ORDERS).categories(CategoryId.of("contact")).actions(AccessAction.READ, AccessAction.WRITE).build();
        ConsentKit kit = Instances.kit(storage.get(), MutableClock.at("2026-03-02T10:00:00Z"), policy);
        byte[] indexKey = new byte[32];
        Arrays.fill(indexKey, (byte) 9);
        Path file = dir.resolve("master.key");
        KeyFile.create(file, passphrase, KekId.of("kek-2026"), KeyFileTest.CHEAP);
        FieldCrypto before = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(KeyFile.open(file, passphrase))
                .blindIndexKey(HmacKey.of(indexKey)).fields(EMAIL).build();
        SubjectId anna = SubjectId.of("client-1001");
        FieldRef email = EMAIL.at("row-1", anna);
        String sealed = before.seal(Principal.of("olga", "manager"), ORDERS, email, "anna@example.org");
        assertThat(KeyFile.dropRetired(file, passphrase, before)).as("nothing retired yet").isEmpty();

        KeyFile.rotate(file, passphrase, KekId.of("kek-2027"));
        FieldCrypto after = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(KeyFile.open(file, passphrase))
                .blindIndexKey(HmacKey.of(indexKey)).fields(EMAIL).build();
        byte[] rotated = Files.readAllBytes(file);

        assertThatThrownBy(() -> KeyFile.dropRetired(file, passphrase, after))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("data keys are still wrapped under a master key other than kek-2027; "
                        + "run FieldCrypto.rewrapAll first, nothing was dropped");
        assertThat(Files.readAllBytes(file)).as("untouched").isEqualTo(rotated);

        after.rewrapAll(100, report -> { });
        assertThat(KeyFile.dropRetired(file, passphrase, after)).containsExactly(KekId.of("kek-2026"));

        LocalKeyEncryptionKeys reopened = KeyFile.open(file, passphrase);
        assertThat(reopened.currentKekId()).isEqualTo(KekId.of("kek-2027"));
        assertThat(Files.readString(file)).doesNotContain("kek-2026");
        FieldCrypto fresh = FieldCrypto.builder(Instances.of(kit)).keyEncryptionKeys(reopened)
                .blindIndexKey(HmacKey.of(indexKey)).fields(EMAIL).build();
        assertThat(fresh.open(Principal.of("olga", "manager"), ORDERS, email, sealed)).isEqualTo("anna@example.org");
        assertThat(KeyFile.dropRetired(file, passphrase, fresh)).isEmpty();
        assertThat(passphrase).containsExactly("correct horse battery staple".toCharArray());
    }
}
