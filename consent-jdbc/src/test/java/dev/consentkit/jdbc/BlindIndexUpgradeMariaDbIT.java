package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v3 to v4 upgrade of blind-index entries on a real MariaDb server. */
class BlindIndexUpgradeMariaDbIT extends BlindIndexUpgradeScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.mariaDb();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }

    @Override
    protected Dialect dialect() {
        return Dialects.MARIADB;
    }
}
