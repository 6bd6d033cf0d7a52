package dev.consentkit.core.hold;

import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.HoldStoreContract;

/** The core's {@link HoldStoreContract} on the in-memory storage. */
class InMemoryHoldStoreTest extends HoldStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(HoldStore.class, new InMemoryHolds());
    }
}
