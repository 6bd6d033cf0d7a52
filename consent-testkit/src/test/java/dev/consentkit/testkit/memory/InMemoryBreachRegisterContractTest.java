package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BreachRegisterContract;

/** The breach register scenarios, run against {@link InMemoryStorage}. */
class InMemoryBreachRegisterContractTest extends BreachRegisterContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
