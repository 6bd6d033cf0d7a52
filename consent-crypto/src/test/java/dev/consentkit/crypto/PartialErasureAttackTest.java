package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.FailingAuditStorage;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, finding 5 (Medium): after {@code shred(subject, {contract})} — what an erasure that must
 * keep other records does — {@code find(email)} still returned the subject, because blind-index
 * entries were removed only when every group was shredded. Each index now belongs to its field's key
 * group, and shredding a group removes that group's entries in the same unit of work as its keys
 * (M20). On the in-memory store and H2; entries written before schema version 4 are covered too.
 */
class PartialErasureAttackTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField LAST_NAME = ProtectedField.of("client", "last_name", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField BIRTH = ProtectedField.of("client", "birth_date", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField NEWS_EMAIL = ProtectedField.of("newsletter_sub", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
    private static final BlindIndex EMAIL_INDEX = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);
    private static final BlindIndex NEWS_INDEX = BlindIndex.sized(IndexName.of("newsletter.email"), NEWS_EMAIL, Normalizer.EMAIL, 16, 1_000_000);
    private static final CompoundBlindIndex NAME_YEAR = CompoundBlindIndex.sized(IndexName.of("client.name-year"), 12, 100_000,
            new CompoundBlindIndex.Part(LAST_NAME, Normalizer.NAME), new CompoundBlindIndex.Part(BIRTH, Normalizer.YEAR));
    private static final Actor DPO = Actor.operator("dpo");

    private final SubjectId anna = SubjectId.of("client-1001");
    private final SubjectId boris = SubjectId.of("client-1002");
    private ConsentKit kit;
    private FieldCrypto crypto;

    private void start(ConsentStorage storage) {
        kit = IndexDeployments.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"));
        crypto = new IndexDeployments(kit, IndexDeployments.filled(9)).builder()
                .blindIndex(EMAIL_INDEX).blindIndex(NEWS_INDEX).blindIndex(NAME_YEAR)
                .build();
    }

    private String seal(ProtectedField field, String row, SubjectId subject, String value) {
        return crypto.seal(STAFF, ORDERS, field.at(row, subject), value);
    }

    private List<SubjectId> find(BlindIndex index, String value) {
        return crypto.find(STAFF, ORDERS, index, value);
    }

    /** Anna and Boris as the host stores them: sealed values in both groups, indexed. */
    private void twoClients() {
        for (SubjectId s : List.of(anna, boris)) {
            String email = s.equals(anna) ? "anna@example.org" : "boris@example.org";
            seal(EMAIL, "row-" + s.value(), s, email);
            seal(NEWS_EMAIL, "sub-" + s.value(), s, email);
            crypto.index(STAFF, ORDERS, EMAIL_INDEX, s, email);
            crypto.index(STAFF, ORDERS, NEWS_INDEX, s, email);
            crypto.index(STAFF, ORDERS, NAME_YEAR, s, "Petrova", "1987");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void afterShreddingTheContractGroupTheClientIsNoLongerFoundByItsIndexes(String name, Supplier<ConsentStorage> storage) {
        start(storage.get());
        twoClients();
        assertThat(find(EMAIL_INDEX, "anna@example.org")).containsExactly(anna);

        // the attack of the finding: a partial erasure, then a search by e-mail
        ErasureReceipt receipt = crypto.shred(anna, Set.of(KeyGroup.of("contract")), DPO);

        assertThat(find(EMAIL_INDEX, "anna@example.org")).isEmpty();
        assertThat(crypto.find(STAFF, ORDERS, NAME_YEAR, "Petrova", "1987")).as("the compound index of the group too").containsExactly(boris);
        assertThat(receipt.indexEntriesRemoved()).isEqualTo(2);
        // the index of the group kept stays: a partial erasure keeps what it must
        assertThat(find(NEWS_INDEX, "anna@example.org")).containsExactly(anna);
        assertThat(find(EMAIL_INDEX, "boris@example.org")).containsExactly(boris);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void shreddingAnotherGroupLeavesTheIndexAndShreddingEveryGroupRemovesAll(String name, Supplier<ConsentStorage> storage) {
        start(storage.get());
        twoClients();

        ErasureReceipt marketing = crypto.shred(anna, Set.of(KeyGroup.of("marketing")), DPO);
        assertThat(marketing.indexEntriesRemoved()).isEqualTo(1);
        assertThat(find(NEWS_INDEX, "anna@example.org")).isEmpty();
        assertThat(find(EMAIL_INDEX, "anna@example.org")).containsExactly(anna);

        ErasureReceipt all = crypto.shred(anna, Set.of(), DPO);
        assertThat(all.indexEntriesRemoved()).isEqualTo(2);
        assertThat(find(EMAIL_INDEX, "anna@example.org")).isEmpty();
        assertThat(crypto.find(STAFF, ORDERS, NAME_YEAR, "Petrova", "1987")).containsExactly(boris);
    }

    @Test
    void theEntriesGoInTheUnitOfWorkThatDestroysTheKeysOrNotAtAll() {
        FailingAuditStorage failing = new FailingAuditStorage(InMemoryStorage.create());
        start(failing);
        twoClients();
        String sealed = seal(EMAIL, "row-1", anna, "anna@example.org");

        failing.failAfter(0);
        assertThatThrownBy(() -> crypto.shred(anna, Set.of(KeyGroup.of("contract")), DPO)).isInstanceOf(StorageException.class)
                .hasMessageContaining(FailingAuditStorage.MESSAGE);
        failing.stopFailing();

        assertThat(find(EMAIL_INDEX, "anna@example.org")).as("entries kept with the keys").containsExactly(anna);
        assertThat(crypto.open(STAFF, ORDERS, EMAIL.at("row-1", anna), sealed))
                .isEqualTo("anna@example.org");
        crypto.shred(anna, Set.of(KeyGroup.of("contract")), DPO);
        assertThat(find(EMAIL_INDEX, "anna@example.org")).isEmpty();
    }

    @Test
    void anIndexCannotClaimAnotherGroupThanItsDeclaredField() {
        start(InMemoryStorage.create());
        ProtectedField emailAsMarketing = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("marketing"));
        BlindIndex misattributed = BlindIndex.sized(IndexName.of("client.email"), emailAsMarketing, Normalizer.EMAIL, 16, 1_000_000);

        // its entries would survive the shredding of the contract group, where the e-mail's keys are
        assertThatThrownBy(() -> crypto.index(STAFF, ORDERS, misattributed, anna, "anna@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blind index client.email differs from the one declared under that name");
        assertThatThrownBy(() -> new IndexDeployments(kit, IndexDeployments.filled(9)).declaring(misattributed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("blind index client.email holds client.email as category 'contact' in key group marketing,"
                        + " but it is declared as category 'contact' in key group contract: an index takes both from"
                        + " the declared field");
        assertThat(find(EMAIL_INDEX, "anna@example.org")).as("nothing stored").isEmpty();
    }

    @Test
    void entriesWrittenBeforeSchemaVersion4GoWithAShredOfAnyGroupUntilTheReindexJobAttributesThem() {
        JdbcDataSource ds = LegacyH2.atVersion3();
        start(InMemoryStorage.create());
        // the terms the library wrote then: version 1 of the same index, under the same index key
        BlindIndex before = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL.atVersion(1), 16, 1_000_000);
        for (SubjectId s : List.of(anna, boris)) {
            String email = s.equals(anna) ? "anna@example.org" : "boris@example.org";
            LegacyH2.sql(ds, "INSERT INTO ck_blind_index (index_name, index_value, subject_id) VALUES ('client.email', '"
                    + crypto.term(before, email) + "', '" + s.value() + "')");
        }
        assertThat(SchemaInstaller.of(ds, "ck_").install()).containsExactly(4);
        start(JdbcStorage.builder(ds).build());
        for (SubjectId s : List.of(anna, boris)) {
            seal(EMAIL, "row-" + s.value(), s, s.equals(anna) ? "anna@example.org" : "boris@example.org");
            seal(NEWS_EMAIL, "sub-" + s.value(), s, "x@example.org");
        }
        assertThat(find(EMAIL_INDEX, "anna@example.org")).as("old entries keep answering").containsExactly(anna);

        // unattributed, an old entry is taken by a shred of any group of its subject
        assertThat(crypto.shred(anna, Set.of(KeyGroup.of("marketing")), DPO).indexEntriesRemoved()).isEqualTo(1);
        assertThat(find(EMAIL_INDEX, "anna@example.org")).isEmpty();

        // attributed (and moved) by the re-index job, it goes only with its own group
        ReindexReport report = ReindexJob.builder(crypto, EMAIL_INDEX)
                .source(s -> List.of(new SealedValue("client", "email", "row-" + s.value(),
                        seal(EMAIL, "row-" + s.value(), s, "boris@example.org"))))
                .reader(IndexDeployments.READER, ORDERS).build().run(r -> { });
        assertThat(report.attributed()).isEqualTo(1);
        assertThat(report.moved()).isEqualTo(1);
        assertThat(crypto.shred(boris, Set.of(KeyGroup.of("marketing")), DPO).indexEntriesRemoved()).isZero();
        assertThat(find(EMAIL_INDEX, "boris@example.org")).containsExactly(boris);
        assertThat(crypto.shred(boris, Set.of(KeyGroup.of("contract")), DPO).indexEntriesRemoved()).isEqualTo(1);
        assertThat(find(EMAIL_INDEX, "boris@example.org")).isEmpty();
    }
}
