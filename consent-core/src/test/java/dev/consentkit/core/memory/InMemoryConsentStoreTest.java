package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.ConsentStoreContract;

/** The ledger, projection and suppression contract, run against {@link InMemoryStorage}. */
class InMemoryConsentStoreTest extends ConsentStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
