package dev.consentkit.core.rights;

import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.RequestStoreContract;

/** The {@link RequestStoreContract} on the in-memory storage. */
class InMemoryRequestStoreTest extends RequestStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(RequestStore.class, new InMemoryRequests());
    }
}
