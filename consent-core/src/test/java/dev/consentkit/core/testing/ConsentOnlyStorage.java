package dev.consentkit.core.testing;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.util.Optional;

/**
 * A storage that offers the consent ports only, as a third-party adapter that stores consent and
 * nothing else does: in-memory stores behind a unit of work whose {@link StorageTransaction#port} offers
 * no feature port. Thread-safe, as the in-memory storage it wraps.
 */
public final class ConsentOnlyStorage extends WrappingStorage {
    /** An empty storage. */
    public ConsentOnlyStorage() {
        super(InMemoryStorage.create(), ConsentOnlyStorage::consentOnly, "ConsentOnlyStorage");
    }

    private static StorageTransaction consentOnly(StorageTransaction tx) {
        return new ForwardingTransaction(tx) {
            @Override
            public <P> Optional<P> port(Class<P> type) {
                return Optional.empty();
            }
        };
    }
}
