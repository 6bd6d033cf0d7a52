package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import javax.sql.DataSource;

/** The {@link ProvisionalDeadlineUpgradeScenarios} (schema v3 -> v4) on embedded H2. */
class H2SchemaUpgradeDeadlineTest extends ProvisionalDeadlineUpgradeScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }

    @Override
    protected Dialect dialect() {
        return Dialects.H2;
    }
}
