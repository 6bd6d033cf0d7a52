package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import javax.sql.DataSource;

/** {@link HostTransactionScenarios} on embedded H2. */
class H2HostTransactionTest extends HostTransactionScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }

    @Override
    protected Dialect dialect() {
        return Dialects.H2;
    }
}
