package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.RetentionStoreContract;

/** The retention store contract, run against {@link InMemoryStorage}. */
class InMemoryRetentionStoreTest extends RetentionStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
