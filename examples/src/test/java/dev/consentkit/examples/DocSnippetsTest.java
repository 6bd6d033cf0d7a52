package dev.consentkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code block the README and the guides mark with {@code <!-- snippet: path#name -->} is, line for line,
 * the region {@code // snippet:name} ... {@code // end:name} of a compiled file, so what a reader copies
 * compiles; the classes holding the regions run in {@link GuideExamplesTest}. Every guide page has at
 * least one such block, and the README front page stays short.
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)#([\\w-]+) -->");

    static Stream<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> guides = Files.list(ROOT.resolve("docs/guide"))) {
            guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyMarkedBlockIsItsCompiledRegion(Path document) throws IOException {
        String text = Files.readString(document, StandardCharsets.UTF_8);
        Matcher m = MARKER.matcher(text);
        int blocks = 0;
        while (m.find()) {
            List<String> shown = blockAfter(text, m.end(), document);
            List<String> compiled = region(ROOT.resolve(m.group(1)), m.group(2));
            assertThat(shown).as("%s: the block marked %s#%s", document, m.group(1), m.group(2)).isEqualTo(compiled);
            blocks++;
        }
        if (!document.endsWith("README.md") && !document.getFileName().toString().equals("performance.md")) {
            assertThat(blocks).as("%s has no tested example (a <!-- snippet: ... --> block)", document).isPositive();
        }
    }

    @Test
    void readmeFrontPageIsShortAndHasTheQuickStartAndBothCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.lines().count()).isLessThanOrEqualTo(150);
        assertThat(readme).contains("<!-- snippet: examples/src/main/java/dev/consentkit/examples/QuickStart.java#quickstart -->")
                .contains("-Pdemo").contains("./mvnw -B verify").contains("<artifactId>consent-core</artifactId>");
    }

    @Test
    void aRegionThatDiffersIsFound() {
        String doc = "<!-- snippet: x#y -->\n```java\nint a = 1;\n```\n";
        assertThat(blockAfter(doc, doc.indexOf("-->") + 3, Path.of("doc"))).containsExactly("int a = 1;");
        assertThat(dedent(List.of("        int a = 1;", "            b();"))).containsExactly("int a = 1;", "    b();");
    }

    private static List<String> blockAfter(String text, int from, Path document) {
        int open = text.indexOf("```java\n", from);
        assertThat(open).as("%s: a ```java block right after the marker", document).isGreaterThanOrEqualTo(0);
        assertThat(text.substring(from, open).strip()).as("%s: text between marker and block", document).isEmpty();
        int start = open + "```java\n".length();
        int close = text.indexOf("\n```", start - 1);
        return text.substring(start, close).lines().map(String::stripTrailing).toList();
    }

    private static List<String> region(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("snippet source " + file, e);
        }
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("// snippet:" + name)) {
                from = i + 1;
            } else if (l.equals("// end:" + name)) {
                to = i;
            }
        }
        assertThat(from).as("region %s in %s", name, file).isPositive();
        assertThat(to).as("end of region %s in %s", name, file).isGreaterThanOrEqualTo(from);
        return dedent(lines.subList(from, to));
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }
}
