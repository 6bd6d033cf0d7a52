package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HostTransactionScenarios} on a real MariaDB server. */
class MariaDbHostTransactionIT extends HostTransactionScenarios {
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
