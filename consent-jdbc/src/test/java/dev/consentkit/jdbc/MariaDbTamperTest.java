package dev.consentkit.jdbc;

import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TamperScenarios} on a real MariaDB server. */
class MariaDbTamperTest extends TamperScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.mariaDb();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }
}
