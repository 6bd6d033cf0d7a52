package dev.consentkit.testkit.memory;

import dev.consentkit.core.register.BreachStore;
import dev.consentkit.core.register.InMemoryBreaches;
import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BreachStoreContract;

/** The breach register contract, run against {@link InMemoryStorage}. */
class InMemoryBreachStoreContractTest extends BreachStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(BreachStore.class, new InMemoryBreaches());
    }
}
