package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.SubjectRightsScenarios;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core's {@link SubjectRightsScenarios} on real PostgreSQL and MariaDB servers. */
class SubjectRightsDatabasesIT {
    private static ConsentStorage installed(DatabaseServer server) {
        DataSource ds = server.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        return JdbcStorage.builder(ds).build();
    }

    @Nested
    class OnPostgres extends SubjectRightsScenarios {
        @RegisterExtension
        final DatabaseServer server = DatabaseServer.postgres();

        @Override
        protected ConsentStorage createStorage() {
            return installed(server);
        }
    }

    @Nested
    class OnMariaDb extends SubjectRightsScenarios {
        @RegisterExtension
        final DatabaseServer server = DatabaseServer.mariaDb();

        @Override
        protected ConsentStorage createStorage() {
            return installed(server);
        }
    }
}
