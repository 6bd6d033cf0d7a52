/**
 * ConsentKit on the host's database through JDBC: H2, PostgreSQL, MariaDB.
 */
module dev.consentkit.jdbc {
    requires transitive dev.consentkit.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports dev.consentkit.jdbc;
    exports dev.consentkit.jdbc.spi;
}
