package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.READER;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.testkit.fixtures.FailingAuditStorage;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the number of clients, the batch size and the point a re-index run is killed at — any
 * write of the storage (every unit of work ends with its audit append: the start, each opening, each
 * batch, the end) or the progress callback after any batch — the next run finishes the job: every
 * client has exactly one entry, at the new version, found by its value; each client was counted as
 * moved exactly once over the two runs; a third run moves nothing; the audit chain verifies (issue
 * 12, finding 10; like the retention run's kill points, M25).
 */
class ReindexJobProperties {
    private static final ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
    private static final BlindIndex EMAIL_V1 = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL.atVersion(1), 16, 1_000_000);
    private static final BlindIndex EMAIL_V2 = BlindIndex.sized(IndexName.of("client.email"), EMAIL, Normalizer.EMAIL, 16, 1_000_000);

    @Property(tries = 80)
    void aKilledRunAndItsRerunMoveEveryClientExactlyOnce(@ForAll @IntRange(min = 1, max = 25) int clients,
                                                         @ForAll @IntRange(min = 1, max = 7) int batch,
                                                         @ForAll @IntRange(min = 0, max = 45) int killPoint,
                                                         @ForAll boolean inProgress) {
        FailingAuditStorage storage = new FailingAuditStorage(InMemoryStorage.create());
        // synchronous read audits: a failing audit write (the kill) reaches the run that recorded the read
        ConsentKit kit = IndexDeployments.kit(storage, MutableClock.at("2026-03-02T10:00:00Z"),
                dev.consentkit.core.audit.ReadAuditMode.synchronous());
        IndexDeployments deployments = new IndexDeployments(kit, IndexDeployments.filled(9));
        FieldCrypto before = deployments.declaring(EMAIL_V1);
        FieldCrypto crypto = deployments.declaring(EMAIL_V2);
        Map<SubjectId, SealedValue> table = new LinkedHashMap<>();
        Map<SubjectId, String> values = new LinkedHashMap<>();
        for (int i = 0; i < clients; i++) {
            SubjectId subject = SubjectId.of("client-" + i);
            // every third address decomposed, as some forms send it
            String email = java.text.Normalizer.normalize("renée" + i + "@example.org", i % 3 == 0 ? Form.NFD : Form.NFC);
            table.put(subject, new SealedValue("client", "email", "row-" + i,
                    crypto.seal(STAFF, ORDERS, EMAIL.at("row-" + i, subject), email)));
            before.index(STAFF, ORDERS, EMAIL_V1, subject, email);
            values.put(subject, email);
        }
        AtomicInteger batchesSeen = new AtomicInteger();
        List<ReindexReport> firstProgress = new ArrayList<>();
        ReindexJob job = ReindexJob.builder(crypto, EMAIL_V2).reader(READER, ORDERS)
                .batchSize(batch).source(subject -> List.of(table.get(subject))).build();

        boolean killed;
        if (!inProgress) {
            storage.failAfter(killPoint);
        }
        try {
            job.run(r -> {
                firstProgress.add(r);
                if (inProgress && batchesSeen.incrementAndGet() == killPoint) {
                    throw new IllegalStateException("killed after batch " + killPoint);
                }
            });
            killed = false;
        } catch (StorageException | IllegalStateException e) {
            killed = true;
        } finally {
            storage.stopFailing();
        }
        int batches = (clients + batch - 1) / batch;
        int appends = 1 + clients + batches + 1;
        assertThat(killed).isEqualTo(inProgress ? killPoint >= 1 && killPoint <= batches : killPoint < appends);
        ReindexReport second = job.run(r -> { });
        ReindexReport third = job.run(r -> { });

        int movedFirst = firstProgress.isEmpty() ? 0 : firstProgress.get(firstProgress.size() - 1).moved();
        assertThat(movedFirst + second.moved()).isEqualTo(clients);
        assertThat(second.dropped() + second.skipped()).isZero();
        assertThat(third.moved()).isZero();
        assertThat(third.batches()).isZero();
        assertThat(IndexEntries.older(kit, "client.email", 2)).isEmpty();
        values.forEach((subject, email) -> {
            String composed = java.text.Normalizer.normalize(email, Form.NFC);
            assertThat(IndexEntries.stored(kit, "client.email", 2, crypto.term(EMAIL_V2, composed))).contains(subject);
            assertThat(crypto.find(STAFF, ORDERS, EMAIL_V2, composed)).contains(subject);
        });
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(AuditTrail.of(kit).records(1, 10_000)).filteredOn(r -> r.event().action().code().startsWith("index."))
                .allSatisfy(r -> assertThat(r.event().reference().orElseThrow()).doesNotContain("@").doesNotContain("client-"));
    }
}
