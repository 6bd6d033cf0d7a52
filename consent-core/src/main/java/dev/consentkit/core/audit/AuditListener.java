package dev.consentkit.core.audit;

import java.util.List;

/**
 * Hears the audit records of every unit of work once it has committed, in chain order: the hook
 * for access monitoring and for hosts that forward the audit stream (to a SIEM, say).
 *
 * <p>Registered with {@code ConsentKit.Builder.auditListener}. Called on the thread that ran the unit
 * of work, after the kit's storage committed it and before that call returns; a unit rolled back is
 * never heard. When the storage joins a transaction of the host, "committed" means that the kit's
 * unit ended: the host's own commit may still follow. A listener that throws is logged and ignored -
 * the change it heard about stands. Implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface AuditListener {
    /**
     * @param records the records the unit of work appended, lowest sequence first; never empty
     */
    void committed(List<AuditRecord> records);
}
