package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.AlertStoreContract;

/** The core's {@link AlertStoreContract} on embedded H2, schema applied by the installer. */
class H2AlertStoreTest extends AlertStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
