package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.READER;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The re-index job (issue 12, finding 10): it moves an index's entries to the index's normaliser
 * version by reading each value through {@link FieldCrypto#open} — checked and audited like any
 * opening — in batches, leaves behind only subjects it may not or cannot read, and audits its start,
 * progress and end without a value. The release that wrote version 1 and the one that declares
 * version 2 are two {@link IndexDeployments} over one storage. On the in-memory store and H2;
 * {@link ReindexJobProperties} kills it anywhere and resumes.
 */
class ReindexJobTest {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final ProtectedField PHONE = ProtectedField.of("client", "phone", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final BlindIndex EMAIL_V1 = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL.atVersion(1), 16, 1_000_000);
    private static final BlindIndex EMAIL_V2 = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);
    private static final Actor DPO = Actor.operator("dpo");
    private static final String DECOMPOSED = java.text.Normalizer.normalize("renée@example.org", Form.NFD);

    private ConsentKit kit;
    private IndexDeployments deployments;
    /** The release before the upgrade, which declared the e-mail index at version 1. */
    private FieldCrypto before;
    /** The release after it, which declares version 2. */
    private FieldCrypto crypto;
    /** The host's client table: the sealed e-mail of each client, as stored. */
    private final Map<SubjectId, SealedValue> emails = new LinkedHashMap<>();
    private final List<SubjectId> asked = new ArrayList<>();

    private void start(ConsentStorage storage) {
        kit = IndexDeployments.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"));
        deployments = new IndexDeployments(kit, IndexDeployments.filled(9));
        before = deployments.declaring(EMAIL_V1);
        crypto = deployments.declaring(EMAIL_V2);
    }

    private String seal(ProtectedField field, String row, SubjectId subject, String value) {
        return crypto.seal(STAFF, ORDERS, field.at(row, subject), value);
    }

    private List<SubjectId> find(String email) {
        return crypto.find(STAFF, ORDERS, EMAIL_V2, email);
    }

    /** A client as the host kept it before the upgrade: sealed e-mail, indexed at version 1. */
    private SubjectId client(int n, String email) {
        SubjectId subject = SubjectId.of("client-" + n);
        emails.put(subject, new SealedValue("client", "email", "row-" + n, seal(EMAIL, "row-" + n, subject, email)));
        before.index(STAFF, ORDERS, EMAIL_V1, subject, email);
        return subject;
    }

    private ReindexJob.Builder job(BlindIndex index) {
        return ReindexJob.builder(crypto, index).reader(READER, ORDERS).source(subject -> {
            asked.add(subject);
            SealedValue value = emails.get(subject);
            return value == null ? List.of() : List.of(value);
        });
    }

    private List<AuditRecord> audit(String code) {
        return AuditTrail.of(kit).records(1, 10_000).stream().filter(r -> r.event().action().code().equals(code)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void anIndexOnVersion1IsMovedToVersion2InBatchesAndEveryStepIsAudited(String name, Supplier<ConsentStorage> storage) {
        start(storage.get());
        List<SubjectId> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(client(i, "client" + i + "@example.org"));
        }
        SubjectId renee = client(4, DECOMPOSED);
        String composed = java.text.Normalizer.normalize(DECOMPOSED, Form.NFC);
        assertThat(find("CLIENT0@example.org")).as("version 1 keeps answering").containsExactly(clients.get(0));
        assertThat(find(composed)).as("but not across forms").doesNotContain(renee);
        int openedBefore = audit("field.opened").size();

        List<ReindexReport> progress = new ArrayList<>();
        ReindexReport report = job(EMAIL_V2).batchSize(2).build().run(progress::add);

        assertThat(report).isEqualTo(new ReindexReport(IndexName.of("client.email"), 2, 0, 5, 0, 0, 3));
        assertThat(report.complete()).isTrue();
        assertThat(progress).extracting(ReindexReport::moved).containsExactly(2, 4, 5);
        assertThat(IndexEntries.older(kit, "client.email", 2)).isEmpty();
        assertThat(find(composed)).containsExactly(renee);
        for (int i = 0; i < 4; i++) {
            assertThat(IndexEntries.stored(kit, "client.email", 2, crypto.term(EMAIL_V2, "client" + i + "@example.org")))
                    .containsExactly(clients.get(i));
        }
        // audited: each value read as an opening by the reader, and the job's start, batches and end
        List<AuditRecord> opened = audit("field.opened");
        assertThat(opened).hasSize(openedBefore + 5);
        assertThat(opened.subList(openedBefore, opened.size()))
                .allSatisfy(r -> assertThat(r.event().actor()).isEqualTo(Actor.operator("reindex-job")));
        assertThat(audit("index.reindex_started")).singleElement()
                .satisfies(r -> assertThat(r.event().reference()).contains("client.email v2 attributed=0"));
        assertThat(audit("index.reindex_progress")).extracting(r -> r.event().reference().orElseThrow()).containsExactly(
                "client.email v2 moved=2 dropped=0 skipped=0", "client.email v2 moved=4 dropped=0 skipped=0",
                "client.email v2 moved=5 dropped=0 skipped=0");
        assertThat(audit("index.reindex_finished")).singleElement().satisfies(r -> {
            assertThat(r.event().actor()).isEqualTo(Actor.system("blind-index-reindex"));
            assertThat(r.event().subjectRef()).isEmpty();
            assertThat(r.event().purpose()).contains(ORDERS);
        });
        assertThat(AuditTrail.of(kit).records(1, 10_000)).filteredOn(r -> r.event().action().code().startsWith("index."))
                .allSatisfy(r -> assertThat(r.event().reference().orElseThrow()).doesNotContain("@").doesNotContain("client-")
                        .doesNotContain("renée"));
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);

        // idempotent: nothing left to move
        asked.clear();
        ReindexReport again = job(EMAIL_V2).build().run(r -> { });
        assertThat(again).isEqualTo(new ReindexReport(IndexName.of("client.email"), 2, 0, 0, 0, 0, 0));
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.consentkit.crypto.Storages#each")
    void subjectsItCannotMoveAreDroppedOrSkippedForAReason(String name, Supplier<ConsentStorage> storage) {
        start(storage.get());
        SubjectId gone = client(1, "gone@example.org");
        SubjectId shredded = client(2, "shredded@example.org");
        SubjectId restricted = client(3, "restricted@example.org");
        SubjectId tampered = client(4, "tampered@example.org");
        SubjectId blank = client(5, " ");
        SubjectId fine = client(6, "fine@example.org");
        emails.remove(gone);
        // what a partial shred left behind before issue 12: the keys gone, the entry still there
        KitContext.of(kit).storage().inTransaction(tx -> KeyStore.in(tx).destroy(kit.subjectRef(shredded), List.of(KeyGroup.of("contract")),
                KitContext.of(kit).clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        kit.restrict(restricted, ORDERS, DPO);
        SealedValue moved = emails.get(tampered);
        emails.put(tampered, new SealedValue("client", "email", "row-99", moved.ciphertext()));

        ReindexReport report = job(EMAIL_V2).batchSize(4).build().run(r -> { });

        assertThat(report).isEqualTo(new ReindexReport(IndexName.of("client.email"), 2, 0, 1, 2, 3, 2));
        assertThat(report.complete()).isFalse();
        assertThat(asked).as("a shredded subject's value is not asked for").doesNotContain(shredded);
        assertThat(find("gone@example.org")).isEmpty();
        assertThat(find("shredded@example.org")).isEmpty();
        assertThat(find("fine@example.org")).containsExactly(fine);
        assertThat(find("restricted@example.org")).as("skipped: still answers through version 1")
                .containsExactly(restricted);
        assertThat(IndexEntries.older(kit, "client.email", 2)).containsExactlyInAnyOrder(restricted, tampered, blank);
        assertThat(audit("index.reindex_finished")).singleElement().satisfies(r -> assertThat(r.event().reference())
                .contains("client.email v2 moved=1 dropped=2 skipped=3"));

        // the next run tries the skipped ones again
        kit.liftRestriction(restricted, ORDERS, DPO);
        ReindexReport next = job(EMAIL_V2).build().run(r -> { });
        assertThat(next).isEqualTo(new ReindexReport(IndexName.of("client.email"), 2, 0, 1, 0, 2, 1));
        assertThat(find("restricted@example.org")).containsExactly(restricted);
    }

    @Test
    void aReaderThePolicyRefusesStopsTheRunAndMovesNothing() {
        start(InMemoryStorage.create());
        SubjectId anna = client(1, "anna@example.org");

        assertThatThrownBy(() -> ReindexJob.builder(crypto, EMAIL_V2).source(s -> List.of(emails.get(s)))
                .reader(Principal.of("ivan", "designer"), ORDERS).build().run(r -> { }))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(IndexEntries.older(kit, "client.email", 2)).containsExactly(anna);
        assertThat(audit("field.open_refused")).hasSize(1);
        assertThat(audit("index.reindex_started")).hasSize(1);
        assertThat(audit("index.reindex_finished")).isEmpty();
    }

    @Test
    void aSourceGivingAnotherFieldOrAnotherNumberOfValuesStopsTheRun() {
        start(InMemoryStorage.create());
        SubjectId anna = client(1, "anna@example.org");
        SealedValue value = emails.get(anna);

        assertThatThrownBy(() -> ReindexJob.builder(crypto, EMAIL_V2).reader(READER, ORDERS)
                .source(s -> List.of(new SealedValue("client", "phone", "row-1", value.ciphertext()))).build().run(r -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the re-index source gave a value of client.phone for part 1 of blind index client.email,"
                        + " which is client.email");
        assertThatThrownBy(() -> ReindexJob.builder(crypto, EMAIL_V2).reader(READER, ORDERS)
                .source(s -> List.of(value, value)).build().run(r -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the re-index source gave 2 value(s) for blind index client.email, which has 1 part(s)");
        assertThat(IndexEntries.older(kit, "client.email", 2)).containsExactly(anna);
    }

    @Test
    void aClientChangedOrErasedWhileItsBatchIsReadKeepsItsNewState() {
        start(InMemoryStorage.create());
        SubjectId anna = client(1, "anna@example.org");
        SubjectId boris = client(2, "boris@example.org");

        ReindexReport report = ReindexJob.builder(crypto, EMAIL_V2).reader(READER, ORDERS).source(subject -> {
            // the host changes Anna's e-mail and erases Boris just as the job reads them
            if (subject.equals(anna)) {
                crypto.index(STAFF, ORDERS, EMAIL_V2, anna, "anna.new@example.org");
            } else {
                crypto.shred(boris, Set.of(), DPO);
            }
            return List.of(emails.get(subject));
        }).build().run(r -> { });

        assertThat(report.moved()).isZero();
        assertThat(find("anna.new@example.org")).containsExactly(anna);
        assertThat(find("anna@example.org")).as("the value read is not written over the new one").isEmpty();
        assertThat(find("boris@example.org")).isEmpty();
        assertThat(IndexEntries.older(kit, "client.email", 2)).isEmpty();
    }

    @Test
    void phonesStoredInNationalFormAreCorrectedByReindexingWithTheirRegion() {
        start(InMemoryStorage.create());
        BlindIndex phoneV1 = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164.atVersion(1), 16, 1_000_000);
        BlindIndex phoneRu = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.phone("RU"), 16, 1_000_000);
        BlindIndex phoneV2 = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 16, 1_000_000);
        FieldCrypto russian = deployments.declaring(phoneRu);
        SubjectId anna = SubjectId.of("client-1");
        String sealed = seal(PHONE, "row-1", anna, "8 (912) 345-67-89");
        deployments.declaring(phoneV1).index(STAFF, ORDERS, phoneV1, anna, "8 (912) 345-67-89");
        assertThat(russian.find(STAFF, ORDERS, phoneRu, "+7 912 345-67-89")).as("version 1 made it +89123456789").isEmpty();

        ReindexReport report = ReindexJob.builder(russian, phoneRu).reader(READER, ORDERS)
                .source(s -> List.of(new SealedValue("client", "phone", "row-1", sealed))).build().run(r -> { });

        assertThat(report.moved()).isEqualTo(1);
        assertThat(russian.find(STAFF, ORDERS, phoneRu, "+7 912 345-67-89")).containsExactly(anna);
        assertThat(deployments.declaring(phoneV2).find(STAFF, ORDERS, phoneV2, "+79123456789")).containsExactly(anna);
    }

    @Test
    void aCompoundIndexMovesWhenOneOfItsPartsChangedVersion() {
        start(InMemoryStorage.create());
        ProtectedField lastName = ProtectedField.of("client", "last_name", CategoryId.of("contact"), KeyGroup.of("contract"));
        CompoundBlindIndex.Part name = new CompoundBlindIndex.Part(lastName, Normalizer.NAME);
        CompoundBlindIndex v1 = CompoundBlindIndex.sized(IndexName.of("client.name-email"), 12, 100_000, name,
                new CompoundBlindIndex.Part(EMAIL, Normalizer.EMAIL.atVersion(1)));
        CompoundBlindIndex after = CompoundBlindIndex.sized(IndexName.of("client.name-email"), 12, 100_000, name,
                new CompoundBlindIndex.Part(EMAIL, Normalizer.EMAIL));
        SubjectId renee = SubjectId.of("client-1");
        SealedValue sealedName = new SealedValue("client", "last_name", "row-1", seal(lastName, "row-1", renee, "Dupont"));
        SealedValue sealedEmail = new SealedValue("client", "email", "row-1", seal(EMAIL, "row-1", renee, DECOMPOSED));
        deployments.declaring(v1).index(STAFF, ORDERS, v1, renee, "Dupont", DECOMPOSED);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(2);
        FieldCrypto upgraded = deployments.declaring(after);

        ReindexReport report = ReindexJob.builder(upgraded, after).reader(READER, ORDERS)
                .source(s -> List.of(sealedName, sealedEmail)).build().run(r -> { });

        assertThat(report.moved()).isEqualTo(1);
        assertThat(upgraded.find(STAFF, ORDERS, after, "DUPONT", java.text.Normalizer.normalize(DECOMPOSED, Form.NFC)))
                .containsExactly(renee);
    }

    @Test
    void theBuilderNamesWhatIsMissingAndRefusesAnIndexTheFieldCryptoDoesNotDeclare() {
        start(InMemoryStorage.create());

        assertThatThrownBy(() -> ReindexJob.builder(crypto, EMAIL_V2).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("ReindexJob needs a source of the host's values (source), a reader and purpose (reader)");
        assertThatThrownBy(() -> ReindexJob.builder(crypto, EMAIL_V2).batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReindexJob.builder(crypto, EMAIL_V2).batchSize(10_001)).isInstanceOf(IllegalArgumentException.class);
        BlindIndex wrongGroup = BlindIndex.sized(IndexName.of("client.email"), ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("marketing")),
                Normalizer.EMAIL, 16, 1_000_000);
        assertThatThrownBy(() -> ReindexJob.builder(crypto, wrongGroup)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blind index client.email differs from the one declared under that name");
        assertThatThrownBy(() -> ReindexJob.builder(crypto, BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 16, 1_000_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no blind index client.phone is declared");
        assertThat(job(EMAIL_V2).build().toString()).isEqualTo("ReindexJob[client.email to v2, batches of 500]");
    }
}
