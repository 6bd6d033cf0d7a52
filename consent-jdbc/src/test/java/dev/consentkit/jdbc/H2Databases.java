package dev.consentkit.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh embedded H2 databases for tests, each with ConsentKit's schema installed by the installer. */
final class H2Databases {
    private H2Databases() {
    }

    /** @return an empty in-memory database that lives until the JVM ends */
    static DataSource empty() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ck" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** @return a database with the schema installed under prefix {@code ck_} */
    static DataSource installed() {
        DataSource ds = empty();
        SchemaInstaller.of(ds, "ck_").install();
        return ds;
    }
}
