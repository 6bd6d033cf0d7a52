package dev.consentkit.crypto;

import dev.consentkit.jdbc.testing.DatabaseServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReadOnlyOpenScenarios} on a real PostgreSQL server ({@code BEGIN READ ONLY}). */
class PostgresReadOnlyOpenIT extends ReadOnlyOpenScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.postgres();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }
}
