package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.AlertStoreContract;

/** The monitoring-alert contract, run against {@link InMemoryStorage}. */
class InMemoryAlertStoreTest extends AlertStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
