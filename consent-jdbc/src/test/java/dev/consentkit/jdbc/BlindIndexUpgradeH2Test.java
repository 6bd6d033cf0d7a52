package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import javax.sql.DataSource;

/** The v3 to v4 upgrade of blind-index entries on embedded H2. */
class BlindIndexUpgradeH2Test extends BlindIndexUpgradeScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }

    @Override
    protected Dialect dialect() {
        return Dialects.H2;
    }
}
