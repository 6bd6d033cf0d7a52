package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ProvisionalDeadlineUpgradeScenarios} (schema v3 -> v4) on real PostgreSQL and MariaDB servers. */
class SchemaUpgradeDeadlineDatabasesIT {
    @Nested
    class OnPostgres extends ProvisionalDeadlineUpgradeScenarios {
        @RegisterExtension
        final DatabaseServer server = DatabaseServer.postgres();

        @Override
        protected DataSource emptyDatabase() {
            return server.freshDatabase().dataSource();
        }

        @Override
        protected Dialect dialect() {
            return Dialects.POSTGRESQL;
        }
    }

    @Nested
    class OnMariaDb extends ProvisionalDeadlineUpgradeScenarios {
        @RegisterExtension
        final DatabaseServer server = DatabaseServer.mariaDb();

        @Override
        protected DataSource emptyDatabase() {
            return server.freshDatabase().dataSource();
        }

        @Override
        protected Dialect dialect() {
            return Dialects.MARIADB;
        }
    }
}
