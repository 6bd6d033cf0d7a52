package dev.consentkit.core.spi;

import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.register.BreachStore;
import dev.consentkit.core.retention.RetentionStore;
import dev.consentkit.core.rights.RequestStore;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.spi.protection.KeyStore;

/**
 * The repositories of one unit of work. Valid only inside the {@link ConsentStorage} call that
 * handed it out; not thread-safe.
 */
public interface StorageTransaction {
    /** @return the consent ledger */
    LedgerStore ledger();

    /** @return the projection of the ledger */
    ProjectionStore projection();

    /** @return the suppression list */
    SuppressionStore suppression();

    /** @return the audit entries and chain */
    AuditStore audit();

    /** @return the row locks of subjects */
    SubjectLocks locks();

    /** @return raw reads for verifying the ledger and projection */
    IntegrityStore integrity();

    /** @return the wrapped data keys of field encryption */
    KeyStore keys();

    /** @return the blind indexes of encrypted fields */
    BlindIndexStore blindIndexes();

    /** @return the alerts of access monitoring */
    AlertStore alerts();

    /** @return the retention anchors, disposal markers and destruction acts */
    RetentionStore retention();

    /** @return the legal holds */
    HoldStore holds();

    /** @return the data-subject requests */
    RequestStore requests();

    /** @return the breach register: incidents and their notifications */
    BreachStore breaches();

    /**
     * @return whether this unit commits by itself when the work returns; false when it joined a
     *         transaction of the host, which commits (or rolls back) later
     */
    default boolean ownsTransaction() {
        return true;
    }
}
