package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.AuditStoreContract;

/** The audit chain contract, run against {@link InMemoryStorage}. */
class InMemoryAuditStoreTest extends AuditStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
