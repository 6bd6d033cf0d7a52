package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.text.Normalizer.Form;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 10 (Low), normalisers: EMAIL did not apply NFC, so a client stored with a
 * decomposed {@code é} escaped a search (and an erasure or objection looked up by e-mail) made with
 * the composed one; PHONE made a US national {@code 202-555-0123} and the Egyptian
 * {@code +20 2 5550123} the same number, so a search for one returned the other's client, and
 * {@code 0033…} missed {@code +33…}. Each attack is run through {@link FieldCrypto} and now fails. A
 * studio in the US declares its phone index with the region, one elsewhere without: two deployments
 * over one storage.
 */
class NormalizerAttackTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);
    private static final BlindIndex PHONE_INDEX = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 16, 1_000_000);
    private static final BlindIndex US_PHONE_INDEX = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.phone("US"), 16, 1_000_000);

    private final ConsentKit kit = IndexDeployments.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"));
    private final IndexDeployments deployments = new IndexDeployments(kit, IndexDeployments.filled(9));
    private final FieldCrypto crypto = deployments.builder().blindIndex(EMAIL_INDEX).blindIndex(PHONE_INDEX).build();
    private final FieldCrypto us = deployments.declaring(US_PHONE_INDEX);
    private final SubjectId renee = SubjectId.of("client-1001");
    private final SubjectId washington = SubjectId.of("client-1002");
    private final SubjectId cairo = SubjectId.of("client-1003");

    @Test
    void aDecomposedEmailIsFoundByItsComposedForm() {
        String decomposed = java.text.Normalizer.normalize("Renée.Dupont@Example.fr", Form.NFD);
        String composed = java.text.Normalizer.normalize("renée.dupont@example.fr", Form.NFC);
        assertThat(composed.toLowerCase(java.util.Locale.ROOT)).isNotEqualTo(decomposed.toLowerCase(java.util.Locale.ROOT));
        crypto.index(STAFF, ORDERS, EMAIL_INDEX, renee, decomposed);

        assertThat(crypto.find(STAFF, ORDERS, EMAIL_INDEX, composed)).containsExactly(renee);
        assertThat(crypto.term(EMAIL_INDEX, composed)).isEqualTo(crypto.term(EMAIL_INDEX, decomposed));
    }

    @Test
    void aUsNationalNumberIsRefusedWithoutARegionAndNeverMeetsAnEgyptianOne() {
        assertThatThrownBy(() -> crypto.index(STAFF, ORDERS, PHONE_INDEX, washington, "202-555-0123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a region");
        assertThat(us.find(STAFF, ORDERS, US_PHONE_INDEX, "+1 202 555 0123")).as("nothing stored").isEmpty();

        us.index(STAFF, ORDERS, US_PHONE_INDEX, washington, "202-555-0123");
        crypto.index(STAFF, ORDERS, PHONE_INDEX, cairo, "+20 2 5550123");

        assertThat(Normalizer.phone("US").normalize("202-555-0123")).isEqualTo("+12025550123");
        assertThat(crypto.find(STAFF, ORDERS, PHONE_INDEX, "+20 2 5550123")).containsExactly(cairo);
        assertThat(us.find(STAFF, ORDERS, US_PHONE_INDEX, "(202) 555-0123")).containsExactly(washington);
        assertThat(crypto.find(STAFF, ORDERS, PHONE_INDEX, "+1 202 555 0123")).containsExactly(washington);
    }

    @Test
    void theInternationalPrefix00IsAPlus() {
        crypto.index(STAFF, ORDERS, PHONE_INDEX, renee, "+33 1 23 45 67 89");

        assertThat(crypto.find(STAFF, ORDERS, PHONE_INDEX, "0033 1 23 45 67 89")).containsExactly(renee);
        assertThat(crypto.term(PHONE_INDEX, "0033 (1) 23.45.67.89")).isEqualTo(crypto.term(PHONE_INDEX, "+33123456789"));
    }
}
