package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.MonitoringComplianceContract;

/** The monitoring and compliance scenario, run against {@link InMemoryStorage}. */
class InMemoryMonitoringComplianceTest extends MonitoringComplianceContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
