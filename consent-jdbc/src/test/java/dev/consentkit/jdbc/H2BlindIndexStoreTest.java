package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BlindIndexStoreContract;

/** The core's {@link BlindIndexStoreContract} on embedded H2, schema applied by the installer. */
class H2BlindIndexStoreTest extends BlindIndexStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
