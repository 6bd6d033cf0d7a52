package dev.consentkit.core.testing;

import dev.consentkit.core.spi.AuditMark;
import dev.consentkit.core.audit.AuditCheckpoint;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.spi.AuditStore;
import dev.consentkit.core.spi.StoredAuditRow;
import dev.consentkit.core.spi.VerifiedPoint;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An audit store that hands every call to the wrapped one; a test wrapper overrides the call it
 * changes (to inject a failure). Not thread-safe, as the unit it belongs to.
 */
public class ForwardingAuditStore implements AuditStore {
    private final AuditStore delegate;

    /**
     * @param delegate the real store
     */
    public ForwardingAuditStore(AuditStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public long add(AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
        return delegate.add(event, ledger, mac);
    }

    @Override
    public boolean lockSequencer(boolean wait) {
        return delegate.lockSequencer(wait);
    }

    @Override
    public Optional<StoredAuditRow> head() {
        return delegate.head();
    }

    @Override
    public List<StoredAuditRow> pending(int limit) {
        return delegate.pending(limit);
    }

    @Override
    public void link(List<StoredAuditRow> linked) {
        delegate.link(linked);
    }

    @Override
    public List<StoredAuditRow> read(long fromSequence, int limit) {
        return delegate.read(fromSequence, limit);
    }

    @Override
    public List<StoredAuditRow> entries(Collection<Long> entryIds) {
        return delegate.entries(entryIds);
    }

    @Override
    public List<StoredAuditRow> bindings(long fromLedgerSequence, long toLedgerSequence, int limit) {
        return delegate.bindings(fromLedgerSequence, toLedgerSequence, limit);
    }

    @Override
    public void saveMark(AuditMark mark) {
        delegate.saveMark(mark);
    }

    @Override
    public List<AuditMark> marks() {
        return delegate.marks();
    }
}
