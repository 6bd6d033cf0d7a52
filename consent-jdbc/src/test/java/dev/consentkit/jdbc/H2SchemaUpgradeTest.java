package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import javax.sql.DataSource;

/** {@link SchemaUpgradeScenarios} on embedded H2. */
class H2SchemaUpgradeTest extends SchemaUpgradeScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }

    @Override
    protected Dialect dialect() {
        return Dialects.H2;
    }
}
