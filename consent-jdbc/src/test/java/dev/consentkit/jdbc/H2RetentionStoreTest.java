package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.RetentionStoreContract;

/** The core's {@link RetentionStoreContract} on embedded H2, schema applied by the installer. */
class H2RetentionStoreTest extends RetentionStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
