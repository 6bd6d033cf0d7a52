package dev.consentkit.spring.jpa;

import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.core.KekId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.spring.app.BookingCatalog;
import dev.consentkit.spring.app.TestKeys;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The column size of a sealed value, per plaintext length: computed from the ciphertext format and
 * checked against what the field crypto really writes, for every length from 0 to 300 bytes.
 */
class SealedColumnsTest {
    @ParameterizedTest
    @EnumSource(Suite.class)
    void theComputedLengthIsTheLengthOfEverySealedValue(Suite suite) {
        FieldCrypto crypto = crypto(suite);
        for (int n = 0; n <= 300; n++) {
            String sealed = crypto.seal(BookingCatalog.STAFF, BookingCatalog.BOOKING,
                    BookingCatalog.NOTE.at("row-1", SubjectId.of("client-1")), "a".repeat(n));
            assertThat(sealed.length()).as("%d bytes", n).isEqualTo(SealedColumns.forBytes(n, suite));
        }
    }

    @ParameterizedTest
    @CsvSource({
            // characters, column for any text (3 bytes each, XChaCha20-Poly1305)
            "0, 88",
            "20, 168",
            "40, 248",
            "100, 488",
            "255, 1108"})
    void aColumnForAnyTextOfCharactersIsSizedForTheWidestCase(int characters, int length) {
        assertThat(SealedColumns.forCharacters(characters)).isEqualTo(length);
        assertThat(SealedColumns.forBytes(3 * characters, Suite.XCHACHA20_POLY1305)).isEqualTo(length);
        assertThat(SealedColumns.forBytes(3 * characters, Suite.AES_256_GCM)).isLessThan(length);
    }

    @ParameterizedTest
    @CsvSource({"-1"})
    void aNegativeLengthIsRefused(int n) {
        assertThatThrownBy(() -> SealedColumns.forBytes(n, Suite.AES_256_GCM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedColumns.forCharacters(n)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FieldCrypto crypto(Suite suite) {
        ProcessingCatalog catalog = BookingCatalog.catalog();
        ConsentKit kit = ConsentKit.builder().catalog(catalog).auditKey(HmacKey.fromBase64(TestKeys.AUDIT))
                .pseudonymKey(HmacKey.fromBase64(TestKeys.PSEUDONYM))
                .accessPolicy(AccessPolicy.builder(catalog).grant("staff").purposes(BookingCatalog.BOOKING)
                        .categories(CategoryId.of("contact")).actions(AccessAction.WRITE).build())
                .build();
        return FieldCrypto.builder(kit).suite(suite)
                .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), Base64.getDecoder().decode(TestKeys.MASTER)))
                .blindIndexKey(HmacKey.fromBase64(TestKeys.INDEX))
                .fields(BookingCatalog.NOTE).build();
    }
}
