package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.BreachRegisterContract;

/** The core's {@link BreachRegisterContract} scenarios on embedded H2, schema applied by the installer. */
class H2BreachRegisterTest extends BreachRegisterContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
