package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import javax.sql.DataSource;

/** The JDBC storage's own promises on embedded H2. */
class JdbcStorageH2Test extends JdbcStorageScenarios {
    @Override
    protected DataSource emptyDatabase() {
        return H2Databases.empty();
    }

    @Override
    protected Dialect expectedDialect() {
        return Dialects.H2;
    }
}
