package dev.consentkit.testkit.memory;

import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.hold.InMemoryHolds;
import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.HoldStoreContract;

/** The core's {@link HoldStoreContract} on the in-memory storage. */
class InMemoryHoldStoreContractTest extends HoldStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(HoldStore.class, new InMemoryHolds());
    }
}
