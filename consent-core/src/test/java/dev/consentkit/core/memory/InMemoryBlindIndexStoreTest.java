package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.BlindIndexStoreContract;

/** The blind-index contract, run against {@link InMemoryStorage}. */
class InMemoryBlindIndexStoreTest extends BlindIndexStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
