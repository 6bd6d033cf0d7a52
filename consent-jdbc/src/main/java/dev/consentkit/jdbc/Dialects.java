package dev.consentkit.jdbc;

import dev.consentkit.jdbc.spi.Dialect;
import dev.consentkit.core.StorageException;
import dev.consentkit.jdbc.internal.H2Dialect;
import dev.consentkit.jdbc.internal.MariaDbDialect;
import dev.consentkit.jdbc.internal.PostgresDialect;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * The dialects ConsentKit is tested on, and detection from {@link DatabaseMetaData}. MySQL is not
 * claimed: no test runs against it.
 */
public final class Dialects {
    /** H2 2.x, the embedded default. */
    public static final Dialect H2 = new H2Dialect();
    /** PostgreSQL 12 and later. */
    public static final Dialect POSTGRESQL = new PostgresDialect();
    /** MariaDB 10.6 and later. */
    public static final Dialect MARIADB = new MariaDbDialect();

    private Dialects() {
    }

    /**
     * @param metaData the database's metadata
     * @return the matching dialect
     * @throws StorageException if the database is none of the supported ones (set a dialect explicitly)
     */
    public static Dialect detect(DatabaseMetaData metaData) {
        Objects.requireNonNull(metaData, "metaData");
        String product;
        try {
            product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new StorageException("could not read the database product name", e);
        }
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb")) {
            return MARIADB;
        }
        throw new StorageException("unsupported database '" + product
                + "': ConsentKit supports H2, PostgreSQL and MariaDB; set a Dialect explicitly for another", null);
    }
}
