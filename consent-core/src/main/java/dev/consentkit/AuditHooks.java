package dev.consentkit;

import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.audit.AuditListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a unit of work that wrote audit entries, where failures are logged rather than thrown
 * (the unit has committed): telling the audit listeners, and noting a sequencer run that failed. The
 * audit package itself logs nothing. Not API. Thread-safe.
 */
public final class AuditHooks {
    private static final Logger LOG = LoggerFactory.getLogger(AuditHooks.class);

    private AuditHooks() {
    }

    /**
     * @param listeners who hears
     * @param entries what a unit of work wrote
     */
    public static void tell(List<AuditListener> listeners, List<AuditEntry> entries) {
        for (AuditListener l : listeners) {
            try {
                l.committed(entries);
            } catch (RuntimeException e) {
                LOG.error("audit listener {} failed on {} entries; the change stands", l.getClass().getName(),
                        entries.size(), e);
            }
        }
    }

    /**
     * @param failure why a batch of queued read audits could not be written
     * @param queued how many read audits are queued now (the batch included)
     * @param retryMillis when the flusher tries again
     */
    public static void readAuditsFailed(RuntimeException failure, int queued, long retryMillis) {
        LOG.warn("writing queued read audits failed ({}: {}); {} stay queued, retrying in {} ms",
                failure.getClass().getSimpleName(), failure.getMessage(), queued, retryMillis);
    }

    /**
     * @param failure why an opportunistic sequencer run failed
     */
    public static void sequencingFailed(RuntimeException failure) {
        LOG.warn("opportunistic audit sequencing failed ({}); the entries stay pending for the next run",
                failure.getClass().getSimpleName());
    }
}
