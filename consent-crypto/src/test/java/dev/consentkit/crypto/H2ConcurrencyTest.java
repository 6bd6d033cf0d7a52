package dev.consentkit.crypto;

import javax.sql.DataSource;

/** {@link ConcurrencyScenarios} on embedded H2. */
class H2ConcurrencyTest extends ConcurrencyScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return Storages.h2DataSource();
    }
}
