package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.CategoryId;
import dev.consentkit.AuditTrail;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static dev.consentkit.crypto.IndexDeployments.EMAIL;
import static dev.consentkit.crypto.IndexDeployments.PHONE;
import static dev.consentkit.crypto.IndexDeployments.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.testkit.fixtures.MutableClock;
import dev.consentkit.jdbc.JdbcStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Encrypting what is already there (issue 15, item 6): a host's plaintext column is sealed in batches,
 * its blind index filled, every batch audited, and a second run finds nothing to do (M11, M21).
 */
class SealingJobTest {
    private static final BlindIndex PHONES = BlindIndex.sized(IndexName.of("client.phone"), PHONE, Normalizer.PHONE_E164, 8, 1_000);
    private final DataSource ds = Storages.installedH2();
    private final ConsentKit kit = IndexDeployments.kit(JdbcStorage.builder(ds).build(), MutableClock.at("2026-03-02T10:00:00Z"));
    private final FieldCrypto crypto = new IndexDeployments(kit, IndexDeployments.filled(9)).declaring(PHONES);
    private final ClientPhones table = new ClientPhones(ds);

    @Test
    void aPlaintextColumnIsSealedInBatchesItsIndexFilledAndEveryBatchAudited() {
        for (int i = 0; i < 7; i++) {
            table.insert("row-" + i, "client-" + i, "+49 151 0000 00" + i);
        }
        List<SealingReport> progress = new ArrayList<>();

        SealingReport report = job(3).run(progress::add);

        assertThat(report).isEqualTo(new SealingReport("client.phone", 7, 0, 0, 0, 0, 3));
        assertThat(progress).extracting(SealingReport::sealed).containsExactly(3, 6, 7);
        table.stored().forEach((row, stored) -> {
            assertThat(stored).startsWith("ck1.").doesNotContain("0000");
            SubjectId subject = SubjectId.of("client-" + row.substring(4));
            assertThat(crypto.open(STAFF, ORDERS, PHONE.at(row, subject), stored)).startsWith("+49 151 0000 00");
        });
        assertThat(crypto.find(STAFF, ORDERS, PHONES, "+491510000003")).contains(SubjectId.of("client-3"));
        List<AuditRecord> records = AuditTrail.of(kit).records(1, 10_000);
        assertThat(records).extracting(r -> r.event().action()).containsSubsequence(
                SealingJob.STARTED, SealingJob.PROGRESS, SealingJob.PROGRESS, SealingJob.PROGRESS, SealingJob.FINISHED);
        assertThat(records).filteredOn(r -> r.event().action().code().startsWith("field.sealing"))
                .allSatisfy(r -> assertThat(r.event().reference().orElseThrow()).doesNotContain("+49").doesNotContain("client-"));
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aSecondRunSealsNothingAndRowsSealedByTheApplicationAreLeftAlone() {
        table.insert("row-a", "client-a", "+4915100000001");
        table.insert("row-b", "client-b", crypto.seal(STAFF, ORDERS, PHONE.at("row-b", SubjectId.of("client-b")), "+4915100000002"));
        table.insert("row-c", "client-c", null);

        SealingReport first = job(10).run(r -> { });
        Map<String, String> after = table.stored();
        SealingReport second = job(10).run(r -> { });

        assertThat(first).isEqualTo(new SealingReport("client.phone", 1, 1, 0, 1, 0, 1));
        assertThat(second).isEqualTo(new SealingReport("client.phone", 0, 2, 0, 1, 0, 1));
        assertThat(table.stored()).isEqualTo(after);
    }

    @Test
    void aRowChangedWhileItsBatchWasSealedKeepsItsNewValueAndIsTakenUpByTheNextRun() {
        table.insert("row-a", "client-a", "+4915100000001");
        PlaintextColumn racing = new PlaintextColumn() {
            @Override
            public List<ColumnRow> page(java.util.Optional<String> after, int limit) {
                List<ColumnRow> rows = table.page(after, limit);
                table.sql("UPDATE client SET phone = '+4915199999999' WHERE id = 'row-a'"); // the application writes
                return rows;
            }

            @Override
            public boolean replace(dev.consentkit.core.spi.StorageTransaction tx, String row, String plain, String sealed) {
                return table.replace(tx, row, plain, sealed);
            }
        };

        SealingReport first = SealingJob.builder(crypto, PHONE).column(racing).index(PHONES).writer(STAFF, ORDERS)
                .build().run(r -> { });

        assertThat(first.changed()).isEqualTo(1);
        assertThat(table.stored()).containsEntry("row-a", "+4915199999999");
        assertThat(crypto.find(STAFF, ORDERS, PHONES, "+4915100000001")).doesNotContain(SubjectId.of("client-a"));
        assertThat(job(10).run(r -> { }).sealed()).isEqualTo(1);
        assertThat(crypto.find(STAFF, ORDERS, PHONES, "+4915199999999")).contains(SubjectId.of("client-a"));
    }

    @Test
    void aValueTheIndexRefusesIsSealedWithoutAnEntry() {
        table.insert("row-a", "client-a", "0151 national form");

        SealingReport report = job(10).run(r -> { });

        assertThat(report.sealed()).isEqualTo(1);
        assertThat(report.unindexable()).isEqualTo(1);
        assertThat(table.stored().get("row-a")).startsWith("ck1.");
    }

    @Test
    void aWriterThePolicyRefusesStopsTheRunAndNothingOfTheBatchIsWritten() {
        table.insert("row-a", "client-a", "+4915100000001");
        SealingJob refused = SealingJob.builder(crypto, PHONE).column(table).writer(Principal.of("d", "designer"), ORDERS).build();

        assertThatThrownBy(() -> refused.run(r -> { })).isInstanceOf(AccessDeniedException.class);

        assertThat(table.stored()).containsEntry("row-a", "+4915100000001");
        assertThat(AuditTrail.of(kit).records(1, 10_000)).extracting(r -> r.event().action().code()).contains("field.write_refused");
    }

    @Test
    void theBuilderNamesWhatIsMissingAndRefusesAnUndeclaredFieldOrAnIndexOfAnotherField() {
        assertThatThrownBy(() -> SealingJob.builder(crypto, PHONE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("column").hasMessageContaining("writer");
        assertThatThrownBy(() -> SealingJob.builder(crypto, ProtectedField.of("client", "fax", CategoryId.of("contact"), KeyGroup.of("contract"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client.fax");
        assertThatThrownBy(() -> SealingJob.builder(crypto, EMAIL).index(PHONES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client.email");
    }

    private SealingJob job(int batch) {
        return SealingJob.builder(crypto, PHONE).column(table).index(PHONES).writer(STAFF, ORDERS).batchSize(batch).build();
    }
}
