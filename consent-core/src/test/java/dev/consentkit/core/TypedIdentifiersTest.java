package dev.consentkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.architecture.TypedSignatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7: no public signature of consent-core's exported packages takes a bare {@code String}
 * for a data category, key group, blind-index name, KEK id, retention event or policy id; it takes
 * {@link CategoryId}, {@link KeyGroup}, {@link IndexName}, {@link KekId}, {@link EventName} or
 * {@link PolicyId}. The scan ({@link TypedSignatures}) reads parameter names compiled with
 * {@code -parameters}.
 */
class TypedIdentifiersTest {
    /** Parameters whose names match but that are not one of the typed identifiers, with the reason. */
    private static final Map<String, String> NOT_IDENTIFIERS = Map.ofEntries(
            Map.entry("dev.consentkit.core.consent.ConsentReceipt$ServicePurpose#<init>(piiCategory)",
                    "a Kantara receipt's free-text PII category, not a catalogue category id"),
            Map.entry("dev.consentkit.core.consent.ConsentReceipt$ServicePurpose#<init>(purposeCategory)",
                    "a Kantara receipt's free-text purpose category"),
            Map.entry("dev.consentkit.core.purpose.Purpose$Builder#subjectCategories(categories)",
                    "categories of data subjects in words (\"clients\"), not data category ids"),
            Map.entry("dev.consentkit.core.register.ProcessingRecord#<init>(subjectCategories)",
                    "categories of data subjects in words, as the register states them"),
            Map.entry("dev.consentkit.core.register.ProcessingRecord#<init>(dataCategories)",
                    "the register's rendered lines (\"contact (Contact details)\"), not category ids"),
            Map.entry("dev.consentkit.core.spi.StoredLedgerRow#<init>(eventId)",
                    "the UUID of a ledger event, not a retention event name"));

    @Test
    void exportedSignaturesTakeTypedIdentifiers() {
        Set<String> exported = TypedSignatures.exportedPackages(SubjectId.class);
        assertThat(exported).as("read from module-info").contains("dev.consentkit.core.spi.protection",
                "dev.consentkit.core.retention").doesNotContain("dev.consentkit.core.context");
        List<String> found = TypedSignatures.violations(TypedSignatures.publicTypes(exported));
        List<String> unexpected = new ArrayList<>(found);
        unexpected.removeAll(NOT_IDENTIFIERS.keySet());
        assertThat(unexpected).as("public String parameters naming a typed identifier").isEmpty();
        assertThat(found).as("listed exceptions that no longer exist: remove them from the lists")
                .containsAll(NOT_IDENTIFIERS.keySet());
    }

    @Test
    void theScanFindsABareStringAndPassesATypedOne() {
        assertThat(TypedSignatures.violations(List.of(Sample.class))).containsExactlyInAnyOrder(
                Sample.class.getName() + "#<init>(category)",
                Sample.class.getName() + "#byGroup(keyGroup)",
                Sample.class.getName() + "#events(eventNames)",
                Sample.class.getName() + "#kek(kekId)");
    }

    @Test
    void eachTypeValidatesAsTheValuesItReplaces() {
        assertThat(CategoryId.of("contact.details_2-x")).hasToString("contact.details_2-x");
        assertThat(KeyGroup.of("billing_eu-2").value()).isEqualTo("billing_eu-2");
        assertThat(IndexName.of("client.email")).hasToString("client.email");
        assertThat(KekId.of("projects/p/locations/eu/keyRings/r:k")).hasToString("projects/p/locations/eu/keyRings/r:k");
        assertThat(EventName.of("purpose-ended." + "p".repeat(PurposeId.MAX_LENGTH)).value()).hasSize(78);
        assertThat(PolicyId.of("invoicing.billing")).hasToString("invoicing.billing");
        assertThat(KeyGroup.of("a").compareTo(KeyGroup.of("b"))).isNegative();
        for (Runnable bad : List.<Runnable>of(() -> CategoryId.of("Contact"), () -> CategoryId.of("c".repeat(65)),
                () -> KeyGroup.of("billing.eu"), () -> KeyGroup.of("g".repeat(33)), () -> KeyGroup.of("*"),
                () -> IndexName.of("1index"), () -> KekId.of("kek 1"), () -> KekId.of("k".repeat(65)),
                () -> EventName.of("e".repeat(81)), () -> PolicyId.of(" p"), () -> EventName.of(""))) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(bad::run)
                    .withMessageNotContaining("\n");
        }
    }

    /** A public type with two bad and two good signatures for the self-check. */
    public static final class Sample {
        public Sample(String category, CategoryId other) {
        }

        public void byGroup(String keyGroup) {
        }

        public void events(Set<String> eventNames) {
        }

        public void kek(Optional<String> kekId) {
        }

        public void typed(KeyGroup group, Optional<KekId> kekId, String name) {
        }
    }
}
