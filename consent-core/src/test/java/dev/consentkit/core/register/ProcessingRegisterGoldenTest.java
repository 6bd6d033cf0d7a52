package dev.consentkit.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.json.RegisterJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden-file tests of the register of processing (M22; R-GDPR-19, R-RU-21) in each export format:
 * the studio's complete declaration must render exactly as the files in the test resources. Run with
 * {@code -Dgolden.update=true} to rewrite the files in {@code src/test/resources} after an
 * intended change, then review the diff.
 */
class ProcessingRegisterGoldenTest {
    private static final String DIR = "dev/consentkit/core/register/";

    @Test
    void markdown_M22() throws IOException {
        assertGolden("register.md", RegisterWorld.register().toMarkdown());
    }

    @Test
    void csv_M22() throws IOException {
        assertGolden("register.csv", RegisterWorld.register().toCsv());
    }

    @Test
    void json_M22() throws IOException {
        assertGolden("register.json", RegisterJson.create().write(RegisterWorld.register()));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources", DIR, name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(actual);
            return;
        }
        try (InputStream in = ProcessingRegisterGoldenTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
