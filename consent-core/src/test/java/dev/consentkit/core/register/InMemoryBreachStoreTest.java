package dev.consentkit.core.register;

import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.BreachStoreContract;

/** The breach register contract, run against {@link InMemoryStorage}. */
class InMemoryBreachStoreTest extends BreachStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(BreachStore.class, new InMemoryBreaches());
    }
}
