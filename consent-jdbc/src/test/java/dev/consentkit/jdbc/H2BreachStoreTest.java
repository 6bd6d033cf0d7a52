package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BreachStoreContract;

/** The core's {@link BreachStoreContract} on embedded H2, schema applied by the installer. */
class H2BreachStoreTest extends BreachStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
