package dev.consentkit.examples.mvstore;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.AuditStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The testkit's audit-store contract on the MVStore adapter. */
class MvStoreAuditStoreContractTest extends AuditStoreContract {
    private final List<MvStoreStorage> opened = new ArrayList<>();

    @Override
    protected ConsentStorage createStorage() {
        MvStoreStorage storage = MvStoreStorage.inMemory();
        opened.add(storage);
        return storage;
    }

    @AfterEach
    void closeStorages() {
        opened.forEach(MvStoreStorage::close);
    }
}
