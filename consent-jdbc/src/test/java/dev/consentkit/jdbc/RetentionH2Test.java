package dev.consentkit.jdbc;

import javax.sql.DataSource;

/** The retention scenarios on embedded H2. */
class RetentionH2Test extends RetentionScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }
}
