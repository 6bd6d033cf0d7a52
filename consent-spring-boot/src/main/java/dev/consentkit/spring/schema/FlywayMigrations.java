package dev.consentkit.spring.schema;

import dev.consentkit.jdbc.Dialects;
import dev.consentkit.spring.internal.SchemaVersions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * ConsentKit's own Flyway run: the migrations shipped at
 * {@code classpath:dev/consentkit/flyway/{vendor}} ({@code h2}, {@code postgresql}, {@code mariadb};
 * {@code V<N>__consentkit_schema_v<N>.sql}, made at build time from the installer's scripts), with the
 * table prefix filled in by Flyway's placeholder {@code ${prefix}}, and a history table of its own, so
 * its versions 1, 2, 3... never meet the application's migrations of the same numbers. A database the
 * installer (or hand-applied scripts) already brought to version N is baselined at N. Thread-safe.
 */
public final class FlywayMigrations {
    /** Where the migrations are, with Flyway's and Spring Boot's {@code {vendor}} placeholder. */
    public static final String LOCATION = "classpath:dev/consentkit/flyway/{vendor}";

    private FlywayMigrations() {
    }

    /**
     * @param dataSource the pool
     * @param prefix the validated table prefix
     * @param historyTable the history table, or null for {@code <prefix>flyway_history}
     * @return the versions applied now
     * @throws dev.consentkit.core.StorageException if the database cannot be reached
     * @throws org.flywaydb.core.api.FlywayException if a migration fails
     */
    public static List<Integer> migrate(DataSource dataSource, String prefix, String historyTable) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(prefix, "prefix");
        String vendor;
        int installed;
        try (Connection c = dataSource.getConnection()) {
            vendor = Dialects.detect(c.getMetaData()).name();
            installed = SchemaVersions.installed(c, prefix);
        } catch (SQLException e) {
            throw new dev.consentkit.core.StorageException("could not connect to migrate the ConsentKit schema (SQLState "
                    + e.getSQLState() + ")", e);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION.replace("{vendor}", vendor))
                .table(historyTable != null ? historyTable : prefix + "flyway_history")
                .placeholders(Map.of("prefix", prefix))
                .baselineOnMigrate(true)
                .baselineVersion(Integer.toString(installed))
                .baselineDescription("ConsentKit schema v" + installed + " installed before Flyway")
                .load();
        MigrateResult result = flyway.migrate();
        return result.migrations.stream().map(m -> Integer.parseInt(m.version)).toList();
    }
}
