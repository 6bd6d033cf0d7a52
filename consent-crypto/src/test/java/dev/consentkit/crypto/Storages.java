package dev.consentkit.crypto;

import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The key stores FieldCrypto is tested on here: in memory and embedded H2 through {@link JdbcStorage}
 * (PostgreSQL and MariaDB run the same key-store contract in consent-jdbc's integration tests).
 */
final class Storages {
    private Storages() {
    }

    /** @return a fresh, empty storage of each kind, named for the test report */
    static Stream<Arguments> each() {
        return Stream.of(
                Arguments.of("in-memory", (Supplier<ConsentStorage>) InMemoryStorage::create),
                Arguments.of("H2", (Supplier<ConsentStorage>) Storages::h2));
    }

    /** @return JDBC storage over a new in-memory H2 database with the schema installed */
    static ConsentStorage h2() {
        return JdbcStorage.builder(installedH2()).tablePrefix("ck_").build();
    }

    /** @return a new in-memory H2 database with the schema installed, for tests that also use raw SQL */
    static javax.sql.DataSource installedH2() {
        javax.sql.DataSource ds = h2DataSource();
        SchemaInstaller.of(ds, "ck_").install();
        return ds;
    }

    /** @return a new, empty in-memory H2 database that lives until the JVM ends */
    static javax.sql.DataSource h2DataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ck" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }
}
