package dev.consentkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.jdbc.JdbcStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Flyway migrations are the installer's scripts, made at build time, one per version and database. */
class FlywayMigrationFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void everyInstallerScriptIsAFlywayMigrationOfTheSameVersionWordForWord(String vendor) throws IOException {
        for (int v = 1; v <= JdbcStorage.SCHEMA_VERSION; v++) {
            String installer = read("dev/consentkit/jdbc/schema/v" + v + "/" + vendor + ".sql");
            String flyway = read("dev/consentkit/flyway/" + vendor + "/V" + v + "__consentkit_schema_v" + v + ".sql");
            assertThat(flyway).isEqualTo(installer).contains("${prefix}");
        }
        assertThat(getClass().getClassLoader().getResource("dev/consentkit/flyway/" + vendor + "/V"
                + (JdbcStorage.SCHEMA_VERSION + 1) + "__consentkit_schema_v" + (JdbcStorage.SCHEMA_VERSION + 1) + ".sql")).isNull();
    }

    private String read(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
