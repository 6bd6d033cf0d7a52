package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.MonitoringComplianceContract;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The monitoring and compliance scenario ({@link MonitoringComplianceContract}) on a real MariaDB server. */
class MariaDbMonitoringComplianceIT extends MonitoringComplianceContract {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.mariaDb();

    @Override
    protected ConsentStorage createStorage() {
        DataSource ds = SERVER.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        return JdbcStorage.builder(ds).build();
    }
}
