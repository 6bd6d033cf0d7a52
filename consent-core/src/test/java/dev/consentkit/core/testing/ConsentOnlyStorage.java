package dev.consentkit.core.testing;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import java.util.Optional;
import java.util.function.Function;

/**
 * A storage that offers the consent ports only, as a third-party adapter that stores consent and
 * nothing else does: in-memory stores behind a unit of work whose {@link StorageTransaction#port} offers
 * no feature port. Thread-safe, as the in-memory storage it wraps.
 */
public final class ConsentOnlyStorage implements ConsentStorage {
    private final InMemoryStorage memory = InMemoryStorage.create();

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return memory.inTransaction(tx -> work.apply(consentOnly(tx)));
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return memory.read(tx -> work.apply(consentOnly(tx)));
    }

    private static StorageTransaction consentOnly(StorageTransaction tx) {
        return new ForwardingTransaction(tx) {
            @Override
            public <P> Optional<P> port(Class<P> type) {
                return Optional.empty();
            }
        };
    }

    @Override
    public String toString() {
        return "ConsentOnlyStorage";
    }
}
