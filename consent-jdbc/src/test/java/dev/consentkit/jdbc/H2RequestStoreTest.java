package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.RequestStoreContract;

/** The core's {@link RequestStoreContract} on embedded H2, schema applied by the installer. */
class H2RequestStoreTest extends RequestStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
