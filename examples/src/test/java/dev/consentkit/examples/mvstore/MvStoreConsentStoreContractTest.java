package dev.consentkit.examples.mvstore;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.ConsentStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

// region contract-subclass (quoted by docs/custom-storage.md)
/** The testkit's ledger, projection, suppression and unit-of-work contract on the MVStore adapter. */
class MvStoreConsentStoreContractTest extends ConsentStoreContract {
    private final List<MvStoreStorage> opened = new ArrayList<>();

    @Override
    protected ConsentStorage createStorage() {
        MvStoreStorage storage = MvStoreStorage.inMemory(); // a fresh, empty store for every test
        opened.add(storage);
        return storage;
    }

    @AfterEach
    void closeStorages() {
        opened.forEach(MvStoreStorage::close);
    }
}
// endregion contract-subclass
