package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.BreachRegisterContract;

/** The breach register scenarios, run against {@link InMemoryStorage}. */
class InMemoryBreachRegisterTest extends BreachRegisterContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
