package dev.consentkit.examples.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.hold.LegalHolds;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.retention.RetentionEngine;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.spi.StoredLedgerRow;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.testkit.fixtures.ContractSamples;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contracts cannot see: the file outlives the process's storage, and the adapter offers consent only. */
class MvStoreStorageTest {
    private static final SubjectId ANNA = SubjectId.of("client-1001");
    @TempDir
    Path directory;

    @Test
    void consentRecordedInAFileIsThereAfterReopening() {
        Path file = directory.resolve("consent.mv.db");
        MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
        try (MvStoreStorage storage = MvStoreStorage.open(file)) {
            ConsentKit kit = Fixtures.kit(storage, clock);
            kit.consent(ANNA, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
        }
        try (MvStoreStorage storage = MvStoreStorage.open(file)) {
            ConsentKit kit = Fixtures.kit(storage, clock);
            assertThat(kit.check(ANNA, Fixtures.NEWSLETTER)).isInstanceOf(Decision.Permitted.class);
            assertThat(kit.history(ANNA).entries()).hasSize(1);
            assertThat(AuditTrail.of(kit).verify().isIntact()).isTrue();
        }
    }

    @Test
    void aUnitThatFailsLeavesNothingBehind() {
        try (MvStoreStorage storage = MvStoreStorage.inMemory()) {
            ConsentEvent event = ContractSamples.event(ANNA, Fixtures.NEWSLETTER, ConsentEvent.Kind.GIVEN);
            assertThatThrownBy(() -> storage.inTransaction(tx -> {
                tx.ledger().append(event);
                throw new IllegalStateException("the host's work failed");
            })).hasMessage("the host's work failed");

            List<StoredLedgerRow> ledger = storage.read(tx -> tx.ledger().rows(0, 10));
            assertThat(ledger).isEmpty();
            assertThat(storage.inTransaction(tx -> tx.ledger().append(event)).sequence())
                    .as("the rolled-back sequence is free again").isEqualTo(1);
        }
    }

    @Test
    void aReadCannotWrite() {
        try (MvStoreStorage storage = MvStoreStorage.inMemory()) {
            assertThatThrownBy(() -> storage.read(tx -> tx.ledger().append(ContractSamples.event(ANNA, Fixtures.NEWSLETTER, ConsentEvent.Kind.GIVEN))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("read-only unit of work");
        }
    }

    @Test
    void aFeatureBuiltOnTheConsentOnlyStorageFailsNamingThePortItMisses() {
        try (MvStoreStorage storage = MvStoreStorage.inMemory()) {
            ConsentKit kit = Fixtures.kit(storage, MutableClock.at("2026-03-01T10:00:00Z"));

            Optional<KeyStore> keys = storage.read(tx -> tx.port(KeyStore.class));
            assertThat(keys).isEmpty();
            assertThatThrownBy(() -> SubjectRights.builder(kit).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("RequestStore");
            assertThatThrownBy(() -> LegalHolds.of(kit))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("HoldStore");
            assertThatThrownBy(() -> BreachRegister.of(kit))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("BreachStore");
            assertThatThrownBy(() -> RetentionEngine.builder(kit).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("RetentionStore");
            // the consent side works on the same kit
            kit.consent(ANNA, Fixtures.NEWSLETTER).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
            assertThat(kit.check(ANNA, Fixtures.NEWSLETTER)).isInstanceOf(Decision.Permitted.class);
        }
    }
}
