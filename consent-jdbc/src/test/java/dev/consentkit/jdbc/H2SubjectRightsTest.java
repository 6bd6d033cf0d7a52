package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.SubjectRightsScenarios;

/** The core's {@link SubjectRightsScenarios} on embedded H2, schema applied by the installer. */
class H2SubjectRightsTest extends SubjectRightsScenarios {
    @Override
    protected ConsentStorage createStorage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
