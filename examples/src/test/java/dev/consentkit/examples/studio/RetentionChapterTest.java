package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's retention chapter: due items and a held one, a run, the act with its audit export. */
class RetentionChapterTest {

    @Test
    void theRetentionChapterDisposesOfWhatIsDueKeepsWhatIsHeldAndPrintsTheAct() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DesignStudioDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        String chapter = out.substring(out.indexOf("29. Retention"));

        assertThat(chapter)
                .contains("due  order-fulfilment.order order-17")
                .contains("due  newsletter.contact     (client)")
                .contains("held order-fulfilment.order order-18 : warranty claim on the poster")
                .contains("run: 2 items in 2 batches; second run disposes of 0")
                .contains("studio_order keeps [order-18, order-19]; newsletter e-mails left: [client-1002]")
                .contains("\"methods\" : [ \"deletion\", \"anonymisation\" ]")
                .contains("\"action\" : \"retention.disposed\"")
                .doesNotContain("client-1001\"")
                .doesNotContain("anna.petrova@example.org");
    }
}
