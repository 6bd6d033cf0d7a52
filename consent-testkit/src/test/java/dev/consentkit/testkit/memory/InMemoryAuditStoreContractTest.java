package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.AuditStoreContract;

/** The audit chain contract, run against {@link InMemoryStorage}. */
class InMemoryAuditStoreContractTest extends AuditStoreContract {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
