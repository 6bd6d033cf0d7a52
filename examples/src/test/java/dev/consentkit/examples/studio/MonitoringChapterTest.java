package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The monitoring chapter trips alerts with a bulk read and the report shrinks once they are acknowledged. */
class MonitoringChapterTest {

    @Test
    void aBulkReadTripsAlertsAndAcknowledgingThemClearsTheirFinding() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        MonitoringChapter.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains("ALERT DISTINCT_SUBJECTS_PER_WINDOW by OPERATOR:olga: 11 against a limit of 10")
                .contains("ALERT OPENS_PER_WINDOW by OPERATOR:olga: 21 against a limit of 20")
                .contains("2 monitoring alerts are not acknowledged")
                .contains("No findings: every check passed.")
                .contains("findings before: 1, after: 0; audit chain verifies: true")
                .doesNotContain("@example.org");
    }
}
