package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.ProvisionalDeadlineScenarios;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core's {@link ProvisionalDeadlineScenarios} on real PostgreSQL and MariaDB servers: provisional
 * deadlines recorded, recomputed and audited once by several instances on one database.
 */
class ProvisionalDeadlineDatabasesIT {
    private static ConsentStorage installed(DatabaseServer server) {
        DataSource ds = server.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        return JdbcStorage.builder(ds).build();
    }

    @Nested
    class OnPostgres extends ProvisionalDeadlineScenarios {
        @RegisterExtension
        final DatabaseServer server = DatabaseServer.postgres();

        @Override
        protected ConsentStorage createStorage() {
            return installed(server);
        }
    }

    @Nested
    class OnMariaDb extends ProvisionalDeadlineScenarios {
        @RegisterExtension
        final DatabaseServer server = DatabaseServer.mariaDb();

        @Override
        protected ConsentStorage createStorage() {
            return installed(server);
        }
    }
}
