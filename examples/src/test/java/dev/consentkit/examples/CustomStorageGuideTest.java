package dev.consentkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/custom-storage.md} stays true: its contract subclass is the MVStore adapter's real test class,
 * and its table of consent ports names the interfaces and methods of {@code docs/design.md}'s, row for row.
 */
class CustomStorageGuideTest {
    private static final Pattern PORT_ROW = Pattern.compile("^\\| `(\\w+)` \\| (.*?) \\|");

    @Test
    void theGuidesContractSubclassIsTheCompiledOne() throws IOException {
        String test = Files.readString(Path.of(
                "src/test/java/dev/consentkit/examples/mvstore/MvStoreConsentStoreContractTest.java"), StandardCharsets.UTF_8);
        String guide = Files.readString(Path.of("../docs/custom-storage.md"), StandardCharsets.UTF_8);

        List<String> source = ReadmeQuickStartTest.between(test, "// region contract-subclass (quoted by docs/custom-storage.md)",
                "// endregion contract-subclass").stream().filter(l -> !l.startsWith("/**")).toList();
        List<String> documented = ReadmeQuickStartTest.between(guide, "<!-- contract-subclass:start -->",
                "<!-- contract-subclass:end -->").stream().filter(l -> !l.startsWith("```")).toList();

        assertThat(documented).isNotEmpty().isEqualTo(source);
    }

    @Test
    void theGuidesPortTableNamesTheMethodsOfTheDesign() throws IOException {
        List<String> design = portRows(Files.readString(Path.of("../docs/design.md"), StandardCharsets.UTF_8), "### Storage SPI");
        List<String> guide = portRows(Files.readString(Path.of("../docs/custom-storage.md"), StandardCharsets.UTF_8),
                "## The consent ports");

        assertThat(guide).hasSize(6).isEqualTo(design);
    }

    /** @return "interface: methods" of each row of the first table after {@code heading} */
    private static List<String> portRows(String markdown, String heading) {
        int from = markdown.indexOf(heading);
        assertThat(from).as(heading).isNotNegative();
        List<String> rows = new ArrayList<>();
        for (String line : markdown.substring(from).lines().toList()) {
            Matcher m = PORT_ROW.matcher(line);
            if (m.find()) {
                rows.add(m.group(1) + ": " + m.group(2));
            } else if (!rows.isEmpty() && !line.startsWith("|")) {
                break;
            }
        }
        return rows;
    }
}
