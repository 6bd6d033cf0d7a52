package dev.consentkit.core.memory;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.testing.SubjectRightsScenarios;

/** The {@link SubjectRightsScenarios} on the in-memory storage. */
class InMemorySubjectRightsTest extends SubjectRightsScenarios {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
