package dev.consentkit.examples.mvstore;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.ConsentKitContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's whole-kit contract (capture, checks, sweeps, idempotency, concurrent writers, the audit
 * chain verified after every test) on the MVStore adapter, each test on its own file.
 */
class MvStoreKitContractTest extends ConsentKitContract {
    private final List<MvStoreStorage> opened = new ArrayList<>();
    @TempDir
    Path directory;

    @Override
    protected ConsentStorage createStorage() {
        MvStoreStorage storage = MvStoreStorage.open(directory.resolve("consent-" + opened.size() + ".mv.db"));
        opened.add(storage);
        return storage;
    }

    @AfterEach
    void closeStorages() {
        opened.forEach(MvStoreStorage::close);
    }
}
