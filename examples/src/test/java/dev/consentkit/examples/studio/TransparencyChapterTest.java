package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo prints the policy, a consent form and the receipt, and the receipt pins the form's bytes. */
class TransparencyChapterTest {

    @Test
    void theDemoShowsTheDocumentsAndTheFormShownIsTheFormProven() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DesignStudioDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains("# Как Studio Lumen LLC обращается с вашими сведениями")
                .contains("Сколько храним: 24 месяца после закрытия заказа.")
                .contains("- [ ] " + StudioCatalog.NEWSLETTER_RU)
                .contains("passed the validator")
                .contains("(the same bytes)")
                .contains("# Подтверждение: согласие дано")
                .contains("- Текст согласия: версия 3.0")
                .contains("изменился текст согласия (версия 2.0)")
                .doesNotContain("MISMATCH");
    }
}
