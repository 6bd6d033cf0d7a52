/**
 * ConsentKit's stores on the host's own database through JDBC: {@link dev.consentkit.jdbc.JdbcStorage},
 * the {@link dev.consentkit.jdbc.Dialect}s it is tested on (H2, PostgreSQL, MariaDB), the opt-in
 * {@link dev.consentkit.jdbc.SchemaInstaller}, and the {@link dev.consentkit.jdbc.ConnectionSource}
 * SPI that lets a unit of work join the host's transaction.
 */
package dev.consentkit.jdbc;
