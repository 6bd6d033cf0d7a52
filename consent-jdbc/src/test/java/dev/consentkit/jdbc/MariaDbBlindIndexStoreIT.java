package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.feature.BlindIndexStoreContract;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core's {@link BlindIndexStoreContract} on a real MariaDb server, schema applied by the installer. */
class MariaDbBlindIndexStoreIT extends BlindIndexStoreContract {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.mariaDb();

    @Override
    protected ConsentStorage createStorage() {
        DataSource ds = SERVER.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        return JdbcStorage.builder(ds).build();
    }
}
