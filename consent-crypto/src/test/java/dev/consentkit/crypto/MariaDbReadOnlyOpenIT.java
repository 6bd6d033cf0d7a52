package dev.consentkit.crypto;

import dev.consentkit.jdbc.testing.DatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReadOnlyOpenScenarios} on a real MariaDB server ({@code SET TRANSACTION READ ONLY}). */
class MariaDbReadOnlyOpenIT extends ReadOnlyOpenScenarios {
    @RegisterExtension
    static final DatabaseServer SERVER = DatabaseServer.mariaDb();

    @Override
    protected DataSource emptyDatabase() {
        return SERVER.freshDatabase().dataSource();
    }

    @Override
    protected void readOnlyTransaction(Connection c) throws SQLException {
        mariaDbReadOnly(c);
    }
}
