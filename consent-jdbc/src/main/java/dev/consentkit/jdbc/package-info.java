/**
 * ConsentKit's stores on the host's own database through JDBC: {@link dev.consentkit.jdbc.JdbcStorage},
 * the {@link dev.consentkit.jdbc.spi.Dialect}s it is tested on (H2, PostgreSQL, MariaDB), the opt-in
 * {@link dev.consentkit.jdbc.SchemaInstaller}, binding to the host's transaction
 * ({@link dev.consentkit.jdbc.JdbcStorage#bind}) and the {@link dev.consentkit.jdbc.spi.ConnectionSource}
 * SPI for a host's own transaction manager.
 */
package dev.consentkit.jdbc;
