package dev.consentkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.HmacKey;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.purpose.LegalBasis;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick start runs and permits; {@link DocSnippetsTest} keeps it equal to the README. */
class ReadmeQuickStartTest {

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
