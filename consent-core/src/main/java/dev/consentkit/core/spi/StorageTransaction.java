package dev.consentkit.core.spi;

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

    /** @return the audit chain */
    AuditStore audit();

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
}
