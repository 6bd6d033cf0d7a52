package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.MonitoringComplianceContract;

/** The monitoring and compliance scenario ({@link MonitoringComplianceContract}) on embedded H2, schema applied by the installer. */
class H2MonitoringComplianceTest extends MonitoringComplianceContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
