package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.ProvisionalDeadlineScenarios;

/** The core's {@link ProvisionalDeadlineScenarios} on embedded H2, schema applied by the installer. */
class H2ProvisionalDeadlineTest extends ProvisionalDeadlineScenarios {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
