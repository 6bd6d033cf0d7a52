package dev.consentkit.testkit.memory;

import dev.consentkit.core.rights.RequestStore;
import dev.consentkit.core.rights.InMemoryRequests;
import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.RequestStoreContract;

/** The {@link RequestStoreContract} on the in-memory storage. */
class InMemoryRequestStoreContractTest extends RequestStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(RequestStore.class, new InMemoryRequests());
    }
}
