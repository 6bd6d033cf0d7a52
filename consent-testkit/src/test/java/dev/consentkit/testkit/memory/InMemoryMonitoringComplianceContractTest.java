package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.MonitoringComplianceContract;

/** The monitoring and compliance scenario, run against {@link InMemoryStorage}. */
class InMemoryMonitoringComplianceContractTest extends MonitoringComplianceContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
