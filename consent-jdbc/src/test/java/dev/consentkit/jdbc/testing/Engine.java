package dev.consentkit.jdbc.testing;

/** The database servers the harness can start. */
enum Engine {
    POSTGRESQL("PostgreSQL", "postgresql"),
    MARIADB("MariaDB", "mariadb-server");

    private final String displayName;
    private final String debianPackage;

    Engine(String displayName, String debianPackage) {
        this.displayName = displayName;
        this.debianPackage = debianPackage;
    }

    /** @return the product name people know, e.g. {@code PostgreSQL} */
    String displayName() {
        return displayName;
    }

    /** @return the Debian package that installs the server's programs */
    String debianPackage() {
        return debianPackage;
    }
}
