package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.ConsentKitContract;

/** The ConsentKit facade contract, run over {@link InMemoryStorage}. */
class InMemoryConsentKitTest extends ConsentKitContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
