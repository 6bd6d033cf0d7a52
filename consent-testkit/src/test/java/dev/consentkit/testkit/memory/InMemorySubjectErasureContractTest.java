package dev.consentkit.testkit.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.SubjectErasureContract;

/** The erasure scenarios ({@link SubjectErasureContract}) on the in-memory storage. */
class InMemorySubjectErasureContractTest extends SubjectErasureContract {
    @Override
    protected ConsentStorage storage() {
        return dev.consentkit.testkit.fixtures.MemoryStorages.withEveryFeature();
    }
}
