package dev.consentkit.spring;

import static dev.consentkit.spring.app.BookingCatalog.REMINDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.jdbc.JdbcStorage;
import dev.consentkit.jdbc.SchemaInstaller;
import dev.consentkit.spring.app.Apps;
import dev.consentkit.spring.app.BookingApplication;
import dev.consentkit.spring.schema.ConsentKitSchema;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * ConsentKit's tables the Spring way (issue 15, item 3): ConsentKit's own Flyway run with its own
 * history table, the same migrations in the application's Flyway run with the prefix from
 * {@code spring.flyway.placeholders.prefix}, and the installer — each started twice on one database.
 */
abstract class FlywayScenarios {
    /** @return the spring.datasource.* properties of a fresh database */
    protected abstract Map<String, Object> freshDatabase();

    @Test
    void consentKitsOwnFlywayRunMigratesOnceAndASecondStartAppliesNothing() {
        Map<String, Object> db = freshDatabase();
        SubjectId anna = SubjectId.of("client-anna");
        try (ConfigurableApplicationContext first = Apps.start(db, Map.of(), BookingApplication.class)) {
            assertThat(first.getBean(ConsentKitSchema.class))
                    .isEqualTo(new ConsentKitSchema(ConsentKitSchema.Manager.FLYWAY, List.of(1, 2, 3, 4)));
            give(first.getBean(ConsentKit.class), anna);
            assertThat(jdbc(first).queryForList("SELECT \"version\" FROM \"ck_flyway_history\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"", String.class))
                    .containsExactly("1", "2", "3", "4");
        }
        try (ConfigurableApplicationContext second = Apps.start(db, Map.of(), BookingApplication.class)) {
            assertThat(second.getBean(ConsentKitSchema.class).applied()).isEmpty();
            assertThat(second.getBean(ConsentKit.class).check(anna, REMINDERS).isPermitted()).isTrue();
        }
    }

    @Test
    void aDatabaseTheInstallerMadeIsBaselinedAndNothingIsAppliedTwice() {
        Map<String, Object> db = freshDatabase();
        SchemaInstaller.of(dataSource(db), "ck_").install();

        try (ConfigurableApplicationContext app = Apps.start(db, Map.of(), BookingApplication.class)) {
            assertThat(app.getBean(ConsentKitSchema.class).applied()).isEmpty();
            assertThat(jdbc(app).queryForObject("SELECT MAX(version) FROM ck_schema_version", Integer.class))
                    .isEqualTo(JdbcStorage.SCHEMA_VERSION);
            give(app.getBean(ConsentKit.class), SubjectId.of("client-boris"));
        }
    }

    @Test
    void theApplicationsOwnFlywayRunTakesTheMigrationsWithThePrefixFromItsPlaceholders() {
        Map<String, Object> db = freshDatabase();
        Map<String, Object> flyway = Map.of(
                "consentkit.schema.flyway.enabled", "false",
                "consentkit.table-prefix", "bk_",
                "spring.flyway.enabled", "true",
                "spring.flyway.locations", "classpath:dev/consentkit/flyway/{vendor}",
                "spring.flyway.placeholders.prefix", "bk_");
        SubjectId carla = SubjectId.of("client-carla");
        try (ConfigurableApplicationContext first = Apps.start(db, flyway, BookingApplication.class)) {
            assertThat(first.getBean(ConsentKitSchema.class).manager()).isEqualTo(ConsentKitSchema.Manager.APPLICATION);
            give(first.getBean(ConsentKit.class), carla);
            assertThat(jdbc(first).queryForObject("SELECT COUNT(*) FROM bk_ledger", Long.class)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = Apps.start(db, flyway, BookingApplication.class)) {
            assertThat(second.getBean(ConsentKit.class).check(carla, REMINDERS).isPermitted()).isTrue();
        }
    }

    @Test
    void theInstallerRunsAtStartUpWhenAskedAndASecondStartFindsItDone() {
        Map<String, Object> db = freshDatabase();
        Map<String, Object> install = Map.of("consentkit.schema.flyway.enabled", "false", "consentkit.schema.install", "true");
        try (ConfigurableApplicationContext first = Apps.start(db, install, BookingApplication.class)) {
            assertThat(first.getBean(ConsentKitSchema.class))
                    .isEqualTo(new ConsentKitSchema(ConsentKitSchema.Manager.INSTALLER, List.of(1, 2, 3, 4)));
        }
        try (ConfigurableApplicationContext second = Apps.start(db, install, BookingApplication.class)) {
            assertThat(second.getBean(ConsentKitSchema.class).applied()).isEmpty();
        }
    }

    private static void give(ConsentKit kit, SubjectId subject) {
        kit.consent(subject, REMINDERS).evidence(kit.evidence(CollectionMethod.WEB_CHECKBOX).formId("f").build()).give();
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
        return new JdbcTemplate(app.getBean(DataSource.class));
    }

    private static DataSource dataSource(Map<String, Object> db) {
        return new DriverManagerDataSource((String) db.get("spring.datasource.url"),
                (String) db.get("spring.datasource.username"), (String) db.get("spring.datasource.password"));
    }
}
