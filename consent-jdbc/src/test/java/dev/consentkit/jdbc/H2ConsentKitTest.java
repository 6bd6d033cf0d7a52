package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.ConsentKitContract;

/** The core's {@link ConsentKitContract} on embedded H2, schema applied by the installer. */
class H2ConsentKitTest extends ConsentKitContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
