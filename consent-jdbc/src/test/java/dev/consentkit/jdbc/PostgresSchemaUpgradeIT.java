package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SchemaUpgradeScenarios} on a real PostgreSQL server. */
class PostgresSchemaUpgradeIT extends SchemaUpgradeScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.postgres();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }

    @Override
    protected Dialect dialect() {
        return Dialects.POSTGRESQL;
    }
}
