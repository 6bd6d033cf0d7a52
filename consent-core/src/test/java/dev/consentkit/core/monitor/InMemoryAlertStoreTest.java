package dev.consentkit.core.monitor;

import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.AlertStoreContract;

/** The monitoring-alert contract, run against {@link InMemoryStorage}. */
class InMemoryAlertStoreTest extends AlertStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(AlertStore.class, new InMemoryAlerts());
    }
}
