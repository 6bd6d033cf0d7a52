package dev.consentkit.testkit.feature;

import dev.consentkit.testkit.ConsentStoreContract;
import static dev.consentkit.testkit.fixtures.ContractSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.monitor.Acknowledgement;
import dev.consentkit.core.monitor.AlertRule;
import dev.consentkit.core.monitor.MonitoringAlert;
import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the monitoring-alert port ({@link AlertStore}) for every storage adapter: an
 * adapter's test extends this class and implements {@link #createStorage()} in a few lines, as for
 * {@link ConsentStoreContract}. The samples hold microsecond times, times before 1970, every rule,
 * every actor kind that can be a principal, non-ASCII and longest notes.
 *
 * <p><b>Covers</b> the monitoring feature's {@code AlertStore}, offered through {@code tx.port(AlertStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class AlertStoreContract {
    private ConsentStorage storage;

    /**
     * Creates the store under test. Called once before every test.
     *
     * @return a new, empty store; it may share nothing with the store of another test
     */
    protected abstract ConsentStorage createStorage();

    @BeforeEach
    final void createStoreUnderTest() {
        storage = createStorage();
        assertThat(count()).isZero();
    }

    private static MonitoringAlert alert(AlertRule rule, Actor principal, Instant at) {
        return new MonitoringAlert(UUID.randomUUID(), rule, principal, at, 101, 100, 7, Optional.empty());
    }

    private Optional<MonitoringAlert> find(UUID id) {
        return storage.read(tx -> AlertStore.in(tx).find(id));
    }

    private List<MonitoringAlert> unacknowledged(int limit) {
        return storage.read(tx -> AlertStore.in(tx).unacknowledged(limit));
    }

    private long count() {
        return storage.read(tx -> AlertStore.in(tx).countUnacknowledged());
    }

    private void add(MonitoringAlert... alerts) {
        storage.inTransaction(tx -> {
            for (MonitoringAlert a : alerts) {
                AlertStore.in(tx).add(a);
            }
            return null;
        });
    }

    @Test
    void everyFieldRoundTrips() {
        List<MonitoringAlert> alerts = List.of(
                new MonitoringAlert(UUID.randomUUID(), AlertRule.OPENS_PER_WINDOW, Actor.operator("anna.k@studio"), T0,
                        1_000_000, 999_999, Long.MAX_VALUE, Optional.empty()),
                new MonitoringAlert(UUID.randomUUID(), AlertRule.DISTINCT_SUBJECTS_PER_WINDOW,
                        Actor.system("x".repeat(Actor.MAX_LENGTH)), Instant.parse("1969-12-31T23:59:59.999999Z"), 0, 0,
                        1, Optional.empty()),
                alert(AlertRule.DENIALS_IN_A_ROW, Actor.guardian("g-1"), T0.plus(1, ChronoUnit.MICROS)),
                alert(AlertRule.OUTSIDE_WORKING_HOURS, Actor.operator("bob"), T0.plus(2, ChronoUnit.MICROS)));
        add(alerts.toArray(MonitoringAlert[]::new));

        for (MonitoringAlert a : alerts) {
            assertThat(find(a.id())).contains(a);
        }
        assertThat(find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void unacknowledgedAreListedOldestFirstWithinTheLimit() {
        MonitoringAlert late = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0.plus(Duration.ofHours(1)));
        MonitoringAlert early = alert(AlertRule.DENIALS_IN_A_ROW, Actor.operator("bob"), T0);
        MonitoringAlert middle = alert(AlertRule.OUTSIDE_WORKING_HOURS, Actor.operator("anna"), T0.plusSeconds(60));
        add(late, early, middle);

        assertThat(unacknowledged(10)).containsExactly(early, middle, late);
        assertThat(unacknowledged(2)).containsExactly(early, middle);
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void acknowledgingOnceKeepsWhoWhenAndTheNote() {
        MonitoringAlert a = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0);
        MonitoringAlert b = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("bob"), T0);
        add(a, b);
        String note = "Пётр: ticket 42 — bulk export for the tax audit. " + "x".repeat(Acknowledgement.MAX_NOTE - 49);
        assertThat(note).hasSize(Acknowledgement.MAX_NOTE);
        Acknowledgement ack = new Acknowledgement(Actor.operator("dpo"), T0.plus(Duration.ofDays(1)).plusNanos(1_000), note);

        boolean done = storage.inTransaction(tx -> AlertStore.in(tx).acknowledge(a.id(), ack));
        assertThat(done).isTrue();

        assertThat(find(a.id())).contains(a.acknowledged(ack));
        assertThat(unacknowledged(10)).containsExactly(b);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aSecondAcknowledgementOrAnUnknownIdChangesNothing() {
        MonitoringAlert a = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0);
        add(a);
        Acknowledgement first = new Acknowledgement(Actor.operator("dpo"), T0.plusSeconds(1), "first");
        storage.inTransaction(tx -> AlertStore.in(tx).acknowledge(a.id(), first));

        boolean again = storage.inTransaction(tx -> AlertStore.in(tx).acknowledge(a.id(),
                new Acknowledgement(Actor.operator("other"), T0.plusSeconds(2), "second")));
        boolean unknown = storage.inTransaction(tx -> AlertStore.in(tx).acknowledge(UUID.randomUUID(), first));

        assertThat(again).isFalse();
        assertThat(unknown).isFalse();
        assertThat(find(a.id())).contains(a.acknowledged(first));
    }

    @Test
    void aRolledBackUnitLeavesNoAlertAndNoAcknowledgement() {
        MonitoringAlert kept = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0);
        add(kept);
        MonitoringAlert lost = alert(AlertRule.DENIALS_IN_A_ROW, Actor.operator("bob"), T0);

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            AlertStore.in(tx).add(lost);
            AlertStore.in(tx).acknowledge(kept.id(), new Acknowledgement(Actor.operator("dpo"), T0, "looked"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(find(lost.id())).isEmpty();
        assertThat(find(kept.id())).contains(kept);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        MonitoringAlert a = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0);
        add(a);
        MonitoringAlert acknowledged = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0)
                .acknowledged(new Acknowledgement(Actor.operator("dpo"), T0, "n"));
        MonitoringAlert nanos = alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("anna"), T0.plusNanos(1));

        assertThatThrownBy(() -> add(a)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> add(acknowledged)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> add(nanos)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("microsecond");
        assertThatThrownBy(() -> storage.inTransaction(tx -> AlertStore.in(tx).acknowledge(a.id(),
                new Acknowledgement(Actor.operator("dpo"), T0.plusNanos(1), "n"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.read(tx -> AlertStore.in(tx).unacknowledged(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.read(tx -> {
            AlertStore.in(tx).add(alert(AlertRule.OPENS_PER_WINDOW, Actor.operator("x"), T0));
            return null;
        })).isInstanceOf(IllegalStateException.class);

        assertThat(unacknowledged(10)).containsExactly(a);
    }
}
