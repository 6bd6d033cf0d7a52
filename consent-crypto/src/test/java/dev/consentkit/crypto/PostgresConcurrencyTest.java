package dev.consentkit.crypto;

import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;

/** {@link ConcurrencyScenarios} on a real PostgreSQL server (started on first use; failsafe runs it with the ITs). */
class PostgresConcurrencyTest extends ConcurrencyScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return DatabaseServer.postgres().freshDatabase().dataSource();
    }
}
