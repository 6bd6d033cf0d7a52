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
import dev.consentkit.spring.app.BookingCatalog;
import dev.consentkit.spring.app.Client;
import dev.consentkit.spring.app.TestKeys;
import jakarta.persistence.EntityListeners;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Start-up's check of every entity's sealed fields names the entity and field at fault. */
class SealedFieldsCheckTest {
    private final ProcessingCatalog catalog = BookingCatalog.catalog();
    private final ConsentKit kit = ConsentKit.builder().catalog(catalog)
            .auditKey(HmacKey.fromBase64(TestKeys.AUDIT)).pseudonymKey(HmacKey.fromBase64(TestKeys.PSEUDONYM))
            .accessPolicy(AccessPolicy.builder(catalog).grant("staff").purposes(BookingCatalog.BOOKING)
                    .categories(CategoryId.of("contact")).actions(AccessAction.WRITE, AccessAction.READ).build())
            .build();
    private final FieldCrypto crypto = FieldCrypto.builder(kit)
            .keyEncryptionKeys(LocalKeyEncryptionKeys.of(KekId.of("kek-1"), Base64.getDecoder().decode(TestKeys.MASTER)))
            .blindIndexKey(HmacKey.fromBase64(TestKeys.INDEX))
            .fields(BookingCatalog.PHONE, BookingCatalog.NOTE).build();
    private final SealedFields fields = new SealedFields(crypto, kit.catalog(), Optional.of(() -> BookingCatalog.STAFF));

    @Test
    void aWellDeclaredEntityPasses() {
        assertThat(fields.check(Client.class)).isEqualTo(2);
        assertThat(fields.check(String.class)).isZero();
    }

    @Test
    void anUndeclaredFieldAnUnknownPurposeAMissingListenerOrInterfaceAreNamed() {
        assertThatThrownBy(() -> fields.check(Undeclared.class)).hasMessageContaining("Undeclared.fax")
                .hasMessageContaining("client.fax");
        assertThatThrownBy(() -> fields.check(UnknownPurpose.class)).hasMessageContaining("UnknownPurpose.phone")
                .hasMessageContaining("marketing");
        assertThatThrownBy(() -> fields.check(NoListener.class)).hasMessageContaining("NoListener")
                .hasMessageContaining("SealingListener");
        assertThatThrownBy(() -> fields.check(NotAnEntityOfASubject.class)).hasMessageContaining("SealedEntity");
        assertThatThrownBy(() -> fields.check(WrongType.class)).hasMessageContaining("WrongType.phone")
                .hasMessageContaining("SealedText");
    }

    @Test
    void aValueThatNeverPassedThroughAnEntityKnowsNoCellAndDoesNotOpen() {
        assertThatThrownBy(() -> fields.open(SealedText.stored("ck1.AAAA"), BookingCatalog.BOOKING))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SealingListener");
        assertThat(SealedText.of("+4915112345678").toString()).doesNotContain("4915");
    }

    abstract static class Base implements SealedEntity {
        @Override
        public String rowKey() {
            return "row-1";
        }

        @Override
        public SubjectId subject() {
            return SubjectId.of("client-1");
        }
    }

    @EntityListeners(SealingListener.class)
    static class Undeclared extends Base {
        @Sealed(table = "client", column = "fax", purpose = "booking")
        SealedText fax;
    }

    @EntityListeners(SealingListener.class)
    static class UnknownPurpose extends Base {
        @Sealed(table = "client", column = "phone", purpose = "marketing")
        SealedText phone;
    }

    static class NoListener extends Base {
        @Sealed(table = "client", column = "phone", purpose = "booking")
        SealedText phone;
    }

    @EntityListeners(SealingListener.class)
    static class NotAnEntityOfASubject {
        @Sealed(table = "client", column = "phone", purpose = "booking")
        SealedText phone;
    }

    @EntityListeners(SealingListener.class)
    static class WrongType extends Base {
        @Sealed(table = "client", column = "phone", purpose = "booking")
        String phone;
    }
}
