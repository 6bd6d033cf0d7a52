package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.KeyStoreContract;

/** The wrapped data-key contract, run against {@link InMemoryStorage}. */
class InMemoryKeyStoreTest extends KeyStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
