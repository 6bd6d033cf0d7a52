package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC storage's own promises on a real Postgres server. */
class JdbcStoragePostgresIT extends JdbcStorageScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.postgres();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialects.POSTGRESQL;
    }
}
