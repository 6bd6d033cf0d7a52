package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.ConsentStoreContract;

/** The ledger, projection and suppression contract, run against {@link InMemoryStorage}. */
class InMemoryConsentStoreContractTest extends ConsentStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
