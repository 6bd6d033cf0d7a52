package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.AuditStoreContract;

/** The core's {@link AuditStoreContract} on embedded H2, schema applied by the installer. */
class H2AuditStoreTest extends AuditStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
