package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.ConsentKitContract;

/** The ConsentKit facade contract, run over {@link InMemoryStorage}. */
class InMemoryConsentKitContractTest extends ConsentKitContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
