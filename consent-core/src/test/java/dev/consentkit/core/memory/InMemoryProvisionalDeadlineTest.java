package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.ProvisionalDeadlineScenarios;

/** The {@link ProvisionalDeadlineScenarios} on the in-memory storage. */
class InMemoryProvisionalDeadlineTest extends ProvisionalDeadlineScenarios {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
