package dev.consentkit.crypto;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.IndexName;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.text.Normalizer.Form;
import org.junit.jupiter.api.Test;

/**
 * Normaliser versions are part of an index's identity (issue 12, finding 10): version 1 computes the
 * terms ConsentKit wrote before versions existed, a later version computes under a key of its own,
 * and a search finds entries of every version up to the index's, each through its own term. The
 * release that declared version 1 and the one that declares version 2 are two {@link IndexDeployments}
 * over one storage.
 */
class BlindIndexVersionTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField NAME = ProtectedField.of("client", "last_name", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField BIRTH = ProtectedField.of("client", "birth_date", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final BlindIndex EMAIL_V1 = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL.atVersion(1), 16, 1_000_000);
    private static final BlindIndex EMAIL_V2 = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);

    private final ConsentKit kit = IndexDeployments.kit(InMemoryStorage.create(), MutableClock.at("2026-03-02T10:00:00Z"));
    private final IndexDeployments deployments = new IndexDeployments(kit, counting());
    private final FieldCrypto before = deployments.declaring(EMAIL_V1);
    private final FieldCrypto crypto = deployments.declaring(EMAIL_V2);
    private final SubjectId anna = SubjectId.of("client-1001");

    private static byte[] counting() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }

    @Test
    void version1TermsAreTheTermsWrittenBeforeVersionsExisted() {
        // known answers computed with ConsentKit at a55104d (before issue 12), root key 00 01 .. 1f
        assertThat(crypto.term(EMAIL_V1, "Anna@Example.org")).isEqualTo("E3M");
        assertThat(crypto.term(BlindIndex.unsafeWithoutSizing(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL.atVersion(1), 256),
                "Anna@Example.org")).isEqualTo("E3O8He7RnGMBfgIt9w2B_eUg2kw-YYz22F7411aVfX4");
        assertThat(crypto.term(BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164.atVersion(1), 20, 4_000_000),
                "+7 (912) 345-67-89")).isEqualTo("vN7A");
        assertThat(crypto.term(BlindIndex.sized(IndexName.of("client.name"), NAME, Normalizer.NAME, 12, 10_000), "  Renée  Petrova "))
                .isEqualTo("XmA");
        CompoundBlindIndex nameYear = CompoundBlindIndex.sized(IndexName.of("client.lastname-birthyear"), 14, 100_000,
                new CompoundBlindIndex.Part(NAME, Normalizer.NAME), new CompoundBlindIndex.Part(BIRTH, Normalizer.YEAR));
        assertThat(nameYear.version()).isEqualTo(1);
        assertThat(crypto.term(nameYear, "Petrova", "1987-04-12")).isEqualTo("qlw");
    }

    @Test
    void version2ComputesUnderAnotherKeySoOldAndNewTermsNeverMix() {
        BlindIndex wide1 = BlindIndex.unsafeWithoutSizing(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL.atVersion(1), 256);
        BlindIndex wide2 = BlindIndex.unsafeWithoutSizing(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 256);

        // the same normalised text (plain ASCII: NFC changes nothing) gives unrelated terms
        assertThat(Normalizer.EMAIL.normalize("anna@example.org")).isEqualTo(Normalizer.EMAIL.atVersion(1).normalize("anna@example.org"));
        assertThat(crypto.term(wide2, "anna@example.org")).isNotEqualTo(crypto.term(wide1, "anna@example.org"));
        assertThat(EMAIL_V2.version()).isEqualTo(2);
        assertThat(EMAIL_V1.version()).isEqualTo(1);
    }

    @Test
    void entriesOfVersion1KeepAnsweringAnIndexDeclaredAtVersion2UntilReplaced() {
        String decomposed = java.text.Normalizer.normalize("renée@example.org", Form.NFD);
        String composed = java.text.Normalizer.normalize("renée@example.org", Form.NFC);
        SubjectId boris = SubjectId.of("client-1002");
        before.index(STAFF, ORDERS, EMAIL_V1, anna, "anna@example.org");
        before.index(STAFF, ORDERS, EMAIL_V1, boris, decomposed);

        assertThat(crypto.find(STAFF, ORDERS, EMAIL_V2, "Anna@Example.org")).containsExactly(anna);
        assertThat(crypto.find(STAFF, ORDERS, EMAIL_V2, decomposed)).as("as stored, through version 1").containsExactly(boris);
        assertThat(IndexEntries.older(kit, "client.email", 2))
                .containsExactlyInAnyOrder(anna, boris);

        // writing through the version-2 index replaces every version of the subject's entry
        crypto.index(STAFF, ORDERS, EMAIL_V2, boris, decomposed);
        assertThat(crypto.find(STAFF, ORDERS, EMAIL_V2, composed)).containsExactly(boris);
        assertThat(before.find(STAFF, ORDERS, EMAIL_V1, decomposed)).as("the version-1 entry is gone").isEmpty();
        assertThat(IndexEntries.older(kit, "client.email", 2))
                .containsExactly(anna);
        assertThat(IndexEntries.stored(kit, "client.email", 2, crypto.term(EMAIL_V2, composed)))
                .containsExactly(boris);
    }

    @Test
    void aSearchRefusedByTheCurrentVersionIsRefusedEvenIfAnOldOneWouldTakeIt() {
        BlindIndex phone2 = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 16, 1_000_000);
        BlindIndex phone1 = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164.atVersion(1), 16, 1_000_000);
        deployments.declaring(phone1).index(STAFF, ORDERS, phone1, anna, "0033 1 23 45 67 89");
        FieldCrypto international = deployments.declaring(phone2);

        assertThatThrownBy(() -> international.find(STAFF, ORDERS, phone2, "202-555-0123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading + or 00");
        assertThat(international.find(STAFF, ORDERS, phone2, "0033 1 23 45 67 89")).as("found through version 1, as stored")
                .containsExactly(anna);
        BlindIndex regional = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.phone("FR"), 16, 1_000_000);
        assertThat(deployments.declaring(regional).find(STAFF, ORDERS, regional, "0033 1 23 45 67 89")).containsExactly(anna);
    }

    @Test
    void entriesRecordTheIndexGroupFieldAndVersion() {
        crypto.index(STAFF, ORDERS, EMAIL_V2, anna, "anna@example.org");
        String term = crypto.term(EMAIL_V2, "anna@example.org");

        assertThat(IndexEntries.stored(kit, "client.email", 2, term)).containsExactly(anna);
        assertThat(BlindIndexing.entry(EMAIL_V2.spec(), anna, term))
                .isEqualTo(new BlindIndexEntry(IndexName.of("client.email"), 2, term, anna, KeyGroup.of("contract"), "client.email"));
        CompoundBlindIndex nameYear = CompoundBlindIndex.sized(IndexName.of("client.lastname-birthyear"), 14, 100_000,
                new CompoundBlindIndex.Part(NAME, Normalizer.NAME), new CompoundBlindIndex.Part(BIRTH, Normalizer.YEAR));
        assertThat(nameYear.spec().field()).isEqualTo("client.last_name+client.birth_date");
        assertThat(nameYear.group()).isEqualTo(KeyGroup.of("contract"));
    }
}
