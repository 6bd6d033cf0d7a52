package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.KeyStoreContract;

/** The wrapped data-key contract, run against {@link InMemoryStorage}. */
class InMemoryKeyStoreContractTest extends KeyStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
