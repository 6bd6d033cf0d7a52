package dev.consentkit.testkit.memory;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.SubjectRightsScenarios;

/** The {@link SubjectRightsScenarios} on the in-memory storage. */
class InMemorySubjectRightsScenariosTest extends SubjectRightsScenarios {
    @Override
    protected ConsentStorage createStorage() {
        return InMemoryStorage.create();
    }
}
