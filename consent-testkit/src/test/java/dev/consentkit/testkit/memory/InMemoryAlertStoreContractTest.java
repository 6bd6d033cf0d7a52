package dev.consentkit.testkit.memory;

import dev.consentkit.core.monitor.AlertStore;
import dev.consentkit.core.monitor.InMemoryAlerts;
import dev.consentkit.core.memory.InMemoryStorage;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.AlertStoreContract;

/** The monitoring-alert contract, run against {@link InMemoryStorage}. */
class InMemoryAlertStoreContractTest extends AlertStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create().attach(AlertStore.class, new InMemoryAlerts());
    }
}
