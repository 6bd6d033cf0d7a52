package dev.consentkit.testkit.feature;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.register.BreachStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.register.BreachDeadline;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachId;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachNotification;
import dev.consentkit.core.register.BreachRisk;
import dev.consentkit.core.spi.ConsentStorage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the breach register port ({@code BreachStore}) for every storage adapter. An
 * adapter's test extends this class and implements {@link #createStorage()} in a few lines.
 *
 * <p>The samples hold what naive schemas lose: microsecond times before and after the epoch, the
 * longest texts with non-ASCII characters, absent numbers next to zero, and every optional empty.
 *
 * <p><b>Covers</b> the register feature's {@code BreachStore}, offered through {@code tx.port(BreachStore.class)}. <b>The subclass supplies</b> {@link #createStorage()}: a fresh, empty storage offering that port, for every test.
 */
public abstract class BreachStoreContract {
    private static final Instant T = Instant.parse("2026-11-27T18:00:00.123456Z");
    private static final String LONG = "ё".repeat(BreachDetails.MAX_TEXT - 1) + "z";

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
        assertThat(list()).as("a fresh store has no breach").isEmpty();
    }

    static BreachDetails full() {
        return new BreachDetails(LONG, Set.of(CategoryId.of("order"), CategoryId.of("contact")), Set.of(PurposeId.of("newsletter"),
                PurposeId.of("order-fulfilment")), OptionalLong.of(0), OptionalLong.of(Long.MAX_VALUE),
                Optional.of("Письма клиентов могли прочитать посторонние"), Optional.of("Пароли сменены; 'кавычки', \"и\""),
                Optional.of("Фишинг"), Optional.of("privacy@studio.example"), Optional.of(LONG), Optional.of("—"),
                BreachRisk.HIGH, true);
    }

    static BreachDetails bare() {
        return BreachDetails.builder("x").risk(BreachRisk.UNLIKELY).build();
    }

    static BreachIncident incident(BreachDetails details, Instant aware, BreachDeadline... deadlines) {
        return new BreachIncident(BreachId.random(), 1, aware.minus(3, ChronoUnit.HOURS), aware,
                aware.plus(1, ChronoUnit.MICROS), aware.plus(1, ChronoUnit.MICROS), details, List.of(deadlines));
    }

    static BreachDeadline deadline(String jurisdiction, String clock, Instant due) {
        return new BreachDeadline(jurisdiction, clock, due, "Art. " + clock);
    }

    private void add(BreachIncident... incidents) {
        storage.inTransaction(tx -> {
            for (BreachIncident i : incidents) {
                BreachStore.in(tx).add(i);
            }
            return null;
        });
    }

    private void notify(BreachNotification n) {
        storage.inTransaction(tx -> {
            BreachStore.in(tx).addNotification(n);
            return null;
        });
    }

    private boolean update(BreachIncident incident) {
        return storage.inTransaction(tx -> BreachStore.in(tx).update(incident));
    }

    private List<BreachIncident> list() {
        return storage.read(tx -> BreachStore.in(tx).list());
    }

    private List<BreachNotification> notifications(BreachId id) {
        return storage.read(tx -> BreachStore.in(tx).notifications(id));
    }

    private Optional<BreachIncident> find(BreachId id) {
        return storage.read(tx -> BreachStore.in(tx).find(id));
    }

    // ---- incidents -------------------------------------------------------------------------------

    @Test
    void everyFieldOfAnIncidentRoundTrips() {
        BreachIncident full = incident(full(), T, deadline("ru_152fz", "initial-notice", T.plus(24, ChronoUnit.HOURS)),
                deadline("gdpr", "authority-notice", T.plus(72, ChronoUnit.HOURS)),
                deadline("ru_152fz", "investigation-results", T.plus(72, ChronoUnit.HOURS)));
        BreachIncident bare = new BreachIncident(BreachId.random(), 1, Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1970-01-01T00:00:00Z"), bare(), List.of());
        add(full, bare);

        assertThat(find(full.id())).get().satisfies(read -> {
            // field by field, so a failure names the field a store lost
            assertThat(read.details().description()).isEqualTo(LONG);
            assertThat(read.details().categories()).containsExactly(CategoryId.of("contact"), CategoryId.of("order"));
            assertThat(read.details().purposes()).containsExactly(PurposeId.of("newsletter"),
                    PurposeId.of("order-fulfilment"));
            assertThat(read.details().approxSubjects()).hasValue(0);
            assertThat(read.details().approxRecords()).hasValue(Long.MAX_VALUE);
            assertThat(read.details()).isEqualTo(full.details());
            assertThat(read.deadlines()).isEqualTo(full.deadlines());
            assertThat(read).isEqualTo(full);
        });
        assertThat(find(bare.id())).contains(bare);
        assertThat(bare.details().approxSubjects()).isEmpty();
    }

    @Test
    void aMissingIncidentIsEmpty() {
        add(incident(bare(), T));

        assertThat(find(BreachId.random())).isEmpty();
        assertThat(notifications(BreachId.random())).isEmpty();
    }

    @Test
    void theListIsOrderedByAwarenessThenId() {
        BreachIncident late = incident(bare(), T.plus(1, ChronoUnit.MICROS));
        BreachIncident a = new BreachIncident(BreachId.of("00000000-0000-4000-8000-000000000001"), 1, T, T, T, T,
                bare(), List.of());
        BreachIncident b = new BreachIncident(BreachId.of("00000000-0000-4000-8000-000000000002"), 1, T, T, T, T,
                full(), List.of(deadline("gdpr", "authority-notice", T)));
        add(late, b, a);

        assertThat(list()).containsExactly(a, b, late);
    }

    @Test
    void aSecondIncidentWithTheSameIdIsAConflictAndTheFirstStays() {
        BreachIncident first = incident(bare(), T);
        add(first);
        BreachIncident twin = new BreachIncident(first.id(), 1, T, T, T, T, full(), List.of());

        assertThatThrownBy(() -> add(twin)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(find(first.id())).contains(first);
    }

    @Test
    void aNewIncidentHasRevisionOne() {
        BreachIncident two = new BreachIncident(BreachId.random(), 2, T, T, T, T, bare(), List.of());

        assertThatThrownBy(() -> add(two)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision 1");
        assertThat(find(two.id())).isEmpty();
    }

    @Test
    void anUpdateReplacesTheDetailsAndKeepsTimesAndDeadlines() {
        BreachIncident first = incident(bare(), T, deadline("gdpr", "authority-notice", T.plus(72, ChronoUnit.HOURS)));
        add(first);
        Instant later = T.plus(5, ChronoUnit.HOURS);
        // a caller cannot move the times or the deadlines through an update
        BreachIncident changed = new BreachIncident(first.id(), 2, T.minus(9, ChronoUnit.DAYS), T.minus(9, ChronoUnit.DAYS),
                T.minus(9, ChronoUnit.DAYS), later, full(), List.of());

        assertThat(update(changed)).isTrue();

        assertThat(find(first.id())).contains(new BreachIncident(first.id(), 2, first.detectedAt(), first.awareAt(),
                first.recordedAt(), later, full(), first.deadlines()));
    }

    @Test
    void aStaleOrMissingUpdateWritesNothing() {
        BreachIncident first = incident(bare(), T);
        add(first);
        BreachIncident stale = new BreachIncident(first.id(), 3, first.detectedAt(), first.awareAt(), first.recordedAt(),
                first.updatedAt(), full(), List.of());
        BreachIncident sameRevision = new BreachIncident(first.id(), 1, first.detectedAt(), first.awareAt(),
                first.recordedAt(), first.updatedAt(), full(), List.of());
        BreachIncident missing = incident(full(), T);
        BreachIncident missingUpdate = new BreachIncident(missing.id(), 2, T, T, T, T, full(), List.of());

        assertThat(update(stale)).isFalse();
        assertThat(update(sameRevision)).isFalse();
        assertThat(update(missingUpdate)).isFalse();
        assertThat(find(first.id())).contains(first);
        assertThat(find(missing.id())).isEmpty();
    }

    // ---- notifications ---------------------------------------------------------------------------

    @Test
    void notificationsRoundTripInSendingOrder() {
        BreachIncident incident = incident(full(), T);
        add(incident, incident(bare(), T));
        BreachNotification ru = new BreachNotification(incident.id(), "ru_152fz", "initial-notice",
                T.plus(1, ChronoUnit.MICROS), T.plus(2, ChronoUnit.HOURS), "РКН-2026/17", Optional.empty(),
                Actor.operator("anna@studio"));
        BreachNotification gdpr = new BreachNotification(incident.id(), "gdpr", "authority-notice",
                T.plus(80, ChronoUnit.HOURS), T.plus(81, ChronoUnit.HOURS), "DPA-17", Optional.of(LONG),
                Actor.system("breach-desk"));
        BreachNotification sameTime = new BreachNotification(incident.id(), "gdpr", "initial-notice",
                T.plus(1, ChronoUnit.MICROS), T.plus(3, ChronoUnit.HOURS), "x", Optional.empty(), Actor.subject());
        notify(gdpr);
        notify(ru);
        notify(sameTime);

        assertThat(notifications(incident.id())).containsExactly(sameTime, ru, gdpr);
    }

    @Test
    void aSecondNotificationOfTheSameClockIsAConflict() {
        BreachIncident incident = incident(full(), T);
        add(incident);
        BreachNotification first = new BreachNotification(incident.id(), "gdpr", "authority-notice", T, T, "a",
                Optional.empty(), Actor.operator("anna"));
        notify(first);

        assertThatThrownBy(() -> notify(new BreachNotification(incident.id(), "gdpr", "authority-notice",
                T.plus(1, ChronoUnit.HOURS), T.plus(1, ChronoUnit.HOURS), "b", Optional.empty(), Actor.operator("anna"))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(notifications(incident.id())).containsExactly(first);
    }

    @Test
    void aNotificationOfAnUnknownBreachIsRefused() {
        BreachId unknown = BreachId.random();

        assertThatThrownBy(() -> notify(new BreachNotification(unknown, "gdpr", "authority-notice", T, T, "a",
                Optional.empty(), Actor.operator("anna")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not recorded");
        assertThat(notifications(unknown)).isEmpty();
    }

    // ---- units of work ---------------------------------------------------------------------------

    @Test
    void aReadOnlyUnitCannotWrite() {
        BreachIncident incident = incident(bare(), T);
        add(incident);
        BreachIncident next = new BreachIncident(incident.id(), 2, T, T, T, T, full(), List.of());
        BreachNotification n = new BreachNotification(incident.id(), "gdpr", "authority-notice", T, T, "a",
                Optional.empty(), Actor.operator("anna"));

        assertThatThrownBy(() -> storage.read(tx -> {
            BreachStore.in(tx).add(incident(bare(), T));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> BreachStore.in(tx).update(next))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.read(tx -> {
            BreachStore.in(tx).addNotification(n);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(list()).containsExactly(incident);
    }

    @Test
    void aFailedUnitOfWorkLeavesNoTrace() {
        BreachIncident kept = incident(bare(), T);
        add(kept);
        BreachIncident lost = incident(full(), T, deadline("gdpr", "authority-notice", T));
        BreachIncident update = new BreachIncident(kept.id(), 2, T, T, T, T.plus(1, ChronoUnit.HOURS), full(), List.of());

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            BreachStore.in(tx).add(lost);
            BreachStore.in(tx).update(update);
            BreachStore.in(tx).addNotification(new BreachNotification(kept.id(), "gdpr", "authority-notice", T, T, "a",
                    Optional.empty(), Actor.operator("anna")));
            throw new IllegalStateException("host failure");
        })).hasMessage("host failure");

        assertThat(list()).containsExactly(kept);
        assertThat(notifications(kept.id())).isEmpty();
    }
}
