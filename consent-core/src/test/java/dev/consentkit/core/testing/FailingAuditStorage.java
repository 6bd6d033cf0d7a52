package dev.consentkit.core.testing;

import dev.consentkit.core.StorageException;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Wraps a real store and, once armed, fails its audit entries: the last write of every ConsentKit
 * unit of work. A test uses it to show that a unit failing at its end leaves nothing of its earlier
 * writes behind. Everything else goes to the wrapped store unchanged.
 *
 * <p>Thread-safe if the wrapped store is.
 */
public final class FailingAuditStorage implements ConsentStorage {
    /** The message of the injected failure. */
    public static final String MESSAGE = "injected audit store failure";
    private final ConsentStorage delegate;
    private final AtomicInteger appendsLeft = new AtomicInteger(-1);

    /**
     * @param delegate the real store
     */
    public FailingAuditStorage(ConsentStorage delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Lets {@code appends} more audit appends through, then fails every later one with a
     * {@link StorageException} carrying {@link #MESSAGE}.
     *
     * @param appends how many appends still succeed, 0 or more
     */
    public void failAfter(int appends) {
        if (appends < 0) {
            throw new IllegalArgumentException("appends must not be negative");
        }
        appendsLeft.set(appends);
    }

    /** Lets every audit append through again. */
    public void stopFailing() {
        appendsLeft.set(-1);
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return delegate.inTransaction(tx -> work.apply(new Tx(tx)));
    }

    @Override
    public <T> T inOwnTransaction(Function<StorageTransaction, T> work) {
        return delegate.inOwnTransaction(tx -> work.apply(new Tx(tx)));
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return delegate.read(tx -> work.apply(new Tx(tx)));
    }

    @Override
    public String toString() {
        return "FailingAuditStorage[" + delegate + "]";
    }

    private void beforeAppend() {
        if (appendsLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
            throw new StorageException(MESSAGE, null);
        }
    }

    private final class Tx extends ForwardingTransaction {
        private final StorageTransaction tx;

        Tx(StorageTransaction tx) {
            super(tx);
            this.tx = tx;
        }

        @Override
        public AuditStore audit() {
            return new ForwardingAuditStore(tx.audit()) {
                @Override
                public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
                    beforeAppend();
                    return super.add(event, ledger, mac);
                }
            };
        }
    }
}
