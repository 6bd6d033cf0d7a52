package dev.consentkit.testkit.memory;

import dev.consentkit.core.retention.RetentionStore;
import dev.consentkit.core.retention.InMemoryRetention;
import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.RetentionStoreContract;

/** The retention store contract, run against {@link InMemoryStorage}. */
class InMemoryRetentionStoreContractTest extends RetentionStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(RetentionStore.class, new InMemoryRetention());
    }
}
