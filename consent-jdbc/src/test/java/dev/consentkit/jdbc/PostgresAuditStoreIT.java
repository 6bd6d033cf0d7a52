package dev.consentkit.jdbc;

import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.testkit.AuditStoreContract;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core's {@link AuditStoreContract} on a real Postgres server, schema applied by the installer. */
class PostgresAuditStoreIT extends AuditStoreContract {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.postgres();

    @Override
    protected ConsentStorage createStorage() {
        DataSource ds = SERVER.freshDatabase().dataSource();
        SchemaInstaller.of(ds, "ck_").install();
        return JdbcStorage.builder(ds).build();
    }
}
