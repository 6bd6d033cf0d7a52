package dev.consentkit.core.audit;

import java.util.List;

/**
 * Hears the audit entries of every unit of work once it has ended: the hook for access monitoring
 * and for hosts that forward the audit stream (to a SIEM, say).
 *
 * <p>Registered with {@code ConsentKit.Builder.auditListener}. Called on the thread that ran the unit,
 * after the kit's storage committed it and before that call returns (for a read audit: after the
 * batch it shared committed); a unit rolled back is never heard. When the storage joined a
 * transaction of the host, "ended" means that the kit's unit ended: the host's own commit may still
 * follow, or a rollback. Entries are heard with the ids they were written with, before the sequencer
 * gives them their place in the chain. Each kit hears the units it ran itself: another application
 * instance on the same database has its own listeners. A listener that throws is logged and ignored —
 * the change it heard about stands. Implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface AuditListener {
    /**
     * @param entries the entries the unit of work wrote, in the order written; never empty
     */
    void committed(List<AuditEntry> entries);
}
