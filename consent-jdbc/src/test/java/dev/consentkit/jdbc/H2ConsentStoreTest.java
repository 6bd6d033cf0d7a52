package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.ConsentStoreContract;

/** The core's {@link ConsentStoreContract} on embedded H2, schema applied by the installer. */
class H2ConsentStoreTest extends ConsentStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
