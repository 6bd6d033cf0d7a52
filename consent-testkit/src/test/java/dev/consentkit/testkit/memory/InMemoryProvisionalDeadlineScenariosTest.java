package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.ProvisionalDeadlineScenarios;

/** The {@link ProvisionalDeadlineScenarios} on the in-memory storage. */
class InMemoryProvisionalDeadlineScenariosTest extends ProvisionalDeadlineScenarios {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
