package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.PHONE;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.StorageException;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the number of rows, the batch size and the point a sealing run is killed at — any audit
 * * append (the end of every unit of work: the start, each data key made, each batch, the end), the host's update of any row,
 * or the progress callback after any batch — the next run finishes the job: every row is sealed once
 * and opens to its original value, each row was counted as sealed exactly once over the two runs, every
 * client is found by its index, a third run seals nothing, and the audit chain verifies (issue 15,
 * item 6; like the re-index job's kill points).
 */
class SealingJobProperties {
    private static final BlindIndex PHONES = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 8, 1_000);

    enum KillAt { AUDIT_APPEND, HOST_UPDATE, PROGRESS }

    @Property(tries = 60)
    void aKilledRunAndItsRerunSealEveryRowExactlyOnce(@ForAll @IntRange(min = 1, max = 20) int rows,
                                                     @ForAll @IntRange(min = 1, max = 6) int batch,
                                                     @ForAll @IntRange(min = 0, max = 25) int killPoint,
                                                     @ForAll KillAt killAt) {
        KillSwitchDataSource kill = new KillSwitchDataSource(Storages.installedH2());
        ConsentKit kit = IndexDeployments.kit(JdbcStorage.builder(kill.dataSource()).build(), MutableClock.at("2026-03-02T10:00:00Z"));
        FieldCrypto crypto = new IndexDeployments(kit, IndexDeployments.filled(9)).declaring(PHONES);
        ClientPhones table = new ClientPhones(kill.dataSource());
        for (int i = 0; i < rows; i++) {
            table.insert(String.format("row-%02d", i), "client-" + i, "+49151000000" + String.format("%02d", i));
        }
        SealingJob job = SealingJob.builder(crypto, PHONE).column(table).index(PHONES).writer(STAFF, ORDERS)
                .batchSize(batch).build();
        List<SealingReport> firstProgress = new ArrayList<>();
        AtomicInteger batchesSeen = new AtomicInteger();

        switch (killAt) {
            case AUDIT_APPEND -> kill.failAfter(killPoint);
            case HOST_UPDATE -> table.failReplaceAfter(killPoint);
            case PROGRESS -> { }
        }
        boolean killed;
        try {
            job.run(r -> {
                firstProgress.add(r);
                if (killAt == KillAt.PROGRESS && batchesSeen.incrementAndGet() == killPoint) {
                    throw new IllegalStateException("killed after batch " + killPoint);
                }
            });
            killed = false;
        } catch (StorageException | IllegalStateException e) {
            killed = true;
        } finally {
            kill.stopFailing();
            table.stopFailing();
        }
        int batches = (rows + batch - 1) / batch;
        boolean expectKilled = switch (killAt) {
            case AUDIT_APPEND -> killPoint < 1 + rows + batches + 1; // start, a data key made per client, batches, end
            case HOST_UPDATE -> killPoint < rows;
            case PROGRESS -> killPoint >= 1 && killPoint <= batches;
        };
        assertThat(killed).isEqualTo(expectKilled);

        SealingReport second = job.run(r -> { });
        SealingReport third = job.run(r -> { });

        int sealedFirst = firstProgress.isEmpty() ? 0 : firstProgress.get(firstProgress.size() - 1).sealed();
        assertThat(sealedFirst + second.sealed()).isEqualTo(rows);
        assertThat(third.sealed()).isZero();
        assertThat(third.alreadySealed()).isEqualTo(rows);
        table.stored().forEach((row, stored) -> {
            int i = Integer.parseInt(row.substring(4));
            SubjectId subject = SubjectId.of("client-" + i);
            assertThat(crypto.open(STAFF, ORDERS, PHONE.at(row, subject), stored))
                    .isEqualTo("+49151000000" + String.format("%02d", i));
            assertThat(crypto.find(STAFF, ORDERS, PHONES, "+49151000000" + String.format("%02d", i))).contains(subject);
        });
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }
}
