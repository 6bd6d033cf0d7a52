package dev.consentkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract subclass shown in {@code docs/custom-storage.md} is the MVStore adapter's real test class. */
class CustomStorageGuideTest {

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
}
