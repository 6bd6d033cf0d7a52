package dev.consentkit.core;

import dev.consentkit.AuditTrail;
import dev.consentkit.ConsentKit;
import dev.consentkit.testkit.fixtures.ForwardingAuditStore;
import dev.consentkit.testkit.fixtures.ForwardingTransaction;
import dev.consentkit.testkit.fixtures.StorageSnapshot;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static dev.consentkit.testkit.fixtures.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.audit.AuditVerification;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2: a ledger event, its projection row and its audit link are stored together or not at
 * all (M21: no change without its audit record), and a write conflict is retried a bounded number
 * of times. The in-memory storage is wrapped so that appending to the audit chain fails on demand.
 */
class StorageFailureTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final InMemoryStorage memory = InMemoryStorage.create();
    private final FailingAuditStorage storage = new FailingAuditStorage(memory);
    private final ConsentKit kit = Fixtures.kit(storage, clock);
    private final SubjectId anna = SubjectId.of("client-1001");

    private LedgerEntry give(Channel channel) {
        return kit.consent(anna, NEWSLETTER).channel(channel)
                .evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();
    }

    @Test
    void aFailingAuditAppendStoresNeitherEventNorProjection_M21() {
        give(Channel.EMAIL);
        StorageSnapshot before = StorageSnapshot.of(memory);
        StorageException failure = new StorageException("audit table unavailable", null);
        storage.failures = () -> failure;

        Throwable thrown = catchThrowable(() -> give(Channel.SMS));

        assertThat(thrown).isSameAs(failure);
        assertThat(StorageSnapshot.of(memory)).isEqualTo(before);
    }

    @Test
    void aSweepIsAllOrNothing_M21() {
        give(Channel.EMAIL);
        give(Channel.SMS);
        clock.advance(Duration.ofDays(400));
        StorageSnapshot before = StorageSnapshot.of(memory);
        storage.failAfter = 1; // the second EXPIRED event's audit link fails
        storage.failures = () -> new StorageException("audit table unavailable", null);

        assertThat(catchThrowable(kit::expireLapsed)).isInstanceOf(StorageException.class);
        assertThat(StorageSnapshot.of(memory)).isEqualTo(before);
    }

    @Test
    void aWriteConflictIsRetriedAndRecordedOnce() {
        storage.remainingFailures = 3;
        storage.failures = () -> new ConcurrentUpdateException("audit head moved", null);

        LedgerEntry entry = give(Channel.EMAIL);

        StorageSnapshot after = StorageSnapshot.of(memory);
        assertThat(storage.attempts).isEqualTo(4);
        assertThat(after.ledger()).containsExactly(entry);
        assertThat(after.audit()).singleElement()
                .satisfies(r -> assertThat(r.event().reference()).contains(entry.event().id().toString()));
        assertThat(AuditTrail.of(kit).verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aConflictThatNeverClearsReachesTheCallerAndStoresNothing() {
        kit.restrict(anna, ORDERS, Actor.operator("dpo"));
        StorageSnapshot before = StorageSnapshot.of(memory);
        storage.failures = () -> new ConcurrentUpdateException("audit head moved", null);

        Throwable thrown = catchThrowable(() -> kit.liftRestriction(anna, ORDERS, Actor.operator("dpo")));

        assertThat(thrown).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(storage.attempts).as("bounded retries").isBetween(2, 20);
        assertThat(StorageSnapshot.of(memory)).isEqualTo(before);
    }

    /** Delegates to a real storage; appending to the audit chain fails while {@link #failures} is set. */
    static final class FailingAuditStorage implements ConsentStorage {
        private final ConsentStorage delegate;
        Supplier<RuntimeException> failures;
        int remainingFailures = Integer.MAX_VALUE;
        int failAfter;
        int attempts;

        FailingAuditStorage(ConsentStorage delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StorageTransaction, T> work) {
            return delegate.inTransaction(tx -> work.apply(new Tx(tx)));
        }

        @Override
        public <T> T read(Function<StorageTransaction, T> work) {
            return delegate.read(work);
        }

        private final class Tx extends ForwardingTransaction {
            private int appended;

            Tx(StorageTransaction tx) {
                super(tx);
            }

            @Override
            public AuditStore audit() {
                return new ForwardingAuditStore(delegate().audit()) {
                    @Override
                    public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
                        if (failures != null) {
                            attempts++;
                            if (appended++ >= failAfter && remainingFailures-- > 0) {
                                throw failures.get();
                            }
                        }
                        return super.add(event, ledger, mac);
                    }
                };
            }
        }
    }
}
