package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.KeyStoreContract;

/** The core's {@link KeyStoreContract} on embedded H2, schema applied by the installer. */
class H2KeyStoreTest extends KeyStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
