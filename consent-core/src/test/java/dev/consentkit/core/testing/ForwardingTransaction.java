package dev.consentkit.core.testing;

import java.util.Optional;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.LedgerStore;
import dev.consentkit.core.spi.ProjectionStore;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SuppressionStore;
import java.util.Objects;

/**
 * A unit of work that hands out the wrapped unit's stores; a test wrapper overrides the one store it
 * changes (to inject a failure or a collision). Not thread-safe, as the unit it wraps.
 */
public class ForwardingTransaction implements StorageTransaction {
    private final StorageTransaction delegate;

    /**
     * @param delegate the real unit of work
     */
    public ForwardingTransaction(StorageTransaction delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public LedgerStore ledger() {
        return delegate.ledger();
    }

    @Override
    public ProjectionStore projection() {
        return delegate.projection();
    }

    @Override
    public SuppressionStore suppression() {
        return delegate.suppression();
    }

    @Override
    public AuditStore audit() {
        return delegate.audit();
    }


    @Override
    public boolean ownsTransaction() {
        return delegate.ownsTransaction();
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return delegate.port(type);
    }
}
