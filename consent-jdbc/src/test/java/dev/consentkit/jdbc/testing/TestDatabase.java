package dev.consentkit.jdbc.testing;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * A fresh, empty database on a real server, made for one test or test class, and the coordinates
 * to reach it. Its user owns the database but is no administrator of the server. Immutable;
 * the data source is thread-safe and opens a new physical connection on every call (no pool).
 * Test harness, not API (see the package description).
 *
 * @param name the database's name, unique on its server
 * @param jdbcUrl the JDBC URL of the database, without credentials
 * @param user the user to connect as
 * @param password that user's password, masked in {@link #toString()}
 * @param dataSource the driver's own data source for the database, with user and password set
 */
public record TestDatabase(
        String name, String jdbcUrl, String user, String password, DataSource dataSource) {

    /**
     * @throws NullPointerException if any component is null
     */
    public TestDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataSource, "dataSource");
    }

    /** @return the coordinates, the password masked */
    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + ", user=" + user + ", password=<masked>]";
    }
}
