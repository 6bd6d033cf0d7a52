package dev.consentkit.core.retention;

import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.RetentionStoreContract;

/** The retention store contract, run against {@link InMemoryStorage}. */
class InMemoryRetentionStoreTest extends RetentionStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(RetentionStore.class, new InMemoryRetention());
    }
}
