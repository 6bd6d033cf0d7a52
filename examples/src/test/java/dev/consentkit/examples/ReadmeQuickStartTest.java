package dev.consentkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.HmacKey;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.LegalBasis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick start is the compiled {@link QuickStart}, line for line, and it runs. */
class ReadmeQuickStartTest {

    @Test
    void readmeQuickStartIsTheCompiledOneAndAtMostFifteenLines() throws IOException {
        List<String> source = between(Files.readString(Path.of("src/main/java/dev/consentkit/examples/QuickStart.java")),
                "// README:start", "// README:end");
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<String> documented = between(readme, "<!-- quickstart:start -->", "<!-- quickstart:end -->").stream()
                .filter(l -> !l.startsWith("```"))
                .collect(Collectors.toList());

        assertThat(documented).isEqualTo(source);
        assertThat(source).hasSizeLessThanOrEqualTo(15).isNotEmpty();
    }

    @Test
    void quickStartRunsAndPermits() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        Arrays.fill(a, (byte) 7);
        Arrays.fill(b, (byte) 9);

        Decision decision = QuickStart.run(HmacKey.of(a), HmacKey.of(b));

        assertThat(decision).isInstanceOfSatisfying(Decision.Permitted.class,
                p -> assertThat(p.basis()).isEqualTo(LegalBasis.CONSENT));
    }

    static List<String> between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("marker %s", start).isNotNegative();
        assertThat(to).as("marker %s", end).isGreaterThan(from);
        return text.substring(from + start.length(), to).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .collect(Collectors.toList());
    }
}
