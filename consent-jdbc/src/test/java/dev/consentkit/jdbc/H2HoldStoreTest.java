package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.HoldStoreContract;

/** The core's {@link HoldStoreContract} on embedded H2, schema applied by the installer. */
class H2HoldStoreTest extends HoldStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
