package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's accountability chapter prints the register and runs both breach clocks (issue 6). */
class RegisterChapterTest {

    @Test
    void demoPrintsTheRegisterAndTheFridayBreachClocks_M22_M23() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DesignStudioDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains("# Register of processing activities")
                .contains("## Order fulfilment (`order-fulfilment`)")
                .contains("| Recipients and agreements (Art. 30(1)(d)) | Courier Express LLC (third party, RU, agreement delivery contract 14/2025) |")
                .contains("| Erasure time limit (Art. 30(1)(f)) | 5 years after collection |")
                .contains("17. Friday 2026-03-13T18:00:00Z")
                .contains("ru_152fz  initial-notice         due SATURDAY 2026-03-14T18:00:00Z (152-FZ Art. 21 part 3.1(1))")
                .contains("gdpr      authority-notice       due MONDAY 2026-03-16T18:00:00Z (GDPR Art. 33(1))")
                .contains("ru_152fz  investigation-results  due MONDAY 2026-03-16T18:00:00Z (152-FZ Art. 21 part 3.1(2))")
                .contains("Saturday 19:00, overdue: [ru_152fz/initial-notice]")
                .contains("REFUSED DELAY_REASON_REQUIRED")
                .contains("ru_152fz  initial-notice         NOTIFIED_LATE")
                .contains("gdpr      authority-notice       NOTIFIED_ON_TIME")
                .doesNotContain("MISSING purpose");
    }
}
