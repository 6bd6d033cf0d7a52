package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.SubjectErasureContract;

/** The erasure scenarios ({@link SubjectErasureContract}) on embedded H2. */
class H2SubjectErasureTest extends SubjectErasureContract {
    @Override
    protected ConsentStorage storage() {
        return JdbcStorage.builder(H2Databases.installed()).build();
    }
}
