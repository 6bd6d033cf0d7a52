package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BlindIndexStoreContract;

/** The blind-index contract, run against {@link InMemoryStorage}. */
class InMemoryBlindIndexStoreContractTest extends BlindIndexStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
