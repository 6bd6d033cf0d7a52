package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.SubjectErasureContract;

/** The erasure scenarios ({@link SubjectErasureContract}) on the in-memory storage. */
class InMemorySubjectErasureTest extends SubjectErasureContract {
    @Override
    protected ConsentStorage storage() {
        return dev.consentkit.core.testing.MemoryStorages.withEveryFeature();
    }
}
