package dev.consentkit.core.spi;

import java.util.Optional;

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

    /**
     * @return whether this unit commits by itself when the work returns; false when it joined a
     *         transaction of the host, which commits (or rolls back) later
     */
    default boolean ownsTransaction() {
        return true;
    }

    /**
     * The one way a storage offers the port of a feature (its requests, legal holds, retention, breaches,
     * alerts; the keys and blind indexes of field protection), on this unit's transaction. A storage that
     * stores consent only offers none; a feature built on it fails at build, naming the port.
     *
     * @param type the port's interface, e.g. {@code RequestStore.class}
     * @param <P> the port
     * @return the port, if this storage offers it
     */
    default <P> Optional<P> port(Class<P> type) {
        return Optional.empty();
    }
}
