package dev.consentkit.jdbc;

import javax.sql.DataSource;

/** {@link TamperScenarios} on embedded H2. */
class H2TamperTest extends TamperScenarios {

    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }
}
