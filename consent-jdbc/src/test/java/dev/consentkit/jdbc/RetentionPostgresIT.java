package dev.consentkit.jdbc;

import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention scenarios on a real Postgres server. */
class RetentionPostgresIT extends RetentionScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.postgres();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }
}
