package dev.consentkit.core.internal;

import dev.consentkit.core.audit.AuditListener;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage that tells {@link AuditListener}s which audit records a unit of work appended, once it
 * has committed. It notes the audit head when the work starts and reads what lies after it when the
 * work ends, inside the unit: writers take turns in every store, so those are exactly this unit's
 * records, whichever path appended them. Not API. Thread-safe.
 */
public final class ListeningStorage implements ConsentStorage {
    private static final Logger LOG = LoggerFactory.getLogger(ListeningStorage.class);
    private static final int PAGE = 1_000;
    private final ConsentStorage delegate;
    private final List<AuditListener> listeners;

    /**
     * @param delegate the storage
     * @param listeners who hears the records
     */
    public ListeningStorage(ConsentStorage delegate, List<AuditListener> listeners) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        List<AuditRecord> appended = new ArrayList<>();
        T result = delegate.inTransaction(tx -> {
            appended.clear(); // a store may run the work again after a conflict
            long before = head(tx);
            T r = work.apply(tx);
            long after = head(tx);
            for (long from = before + 1; from <= after; from += PAGE) {
                appended.addAll(tx.audit().read(from, (int) Math.min(PAGE, after - from + 1)));
            }
            return r;
        });
        if (!appended.isEmpty()) {
            List<AuditRecord> records = List.copyOf(appended);
            for (AuditListener l : listeners) {
                try {
                    l.committed(records);
                } catch (RuntimeException e) {
                    LOG.error("audit listener {} failed on {} records; the change stands", l.getClass().getName(),
                            records.size(), e);
                }
            }
        }
        return result;
    }

    private static long head(StorageTransaction tx) {
        return tx.audit().head().map(AuditRecord::sequence).orElse(0L);
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return delegate.read(work);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
