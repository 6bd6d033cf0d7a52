package dev.consentkit.jdbc;

import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TamperScenarios} on a real PostgreSQL server. */
class PostgresTamperTest extends TamperScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.postgres();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }
}
