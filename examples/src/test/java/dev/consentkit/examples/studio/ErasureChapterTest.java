package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's chapter on access, rectification and erasure prints what the erasure kept and why. */
class ErasureChapterTest {
    @Test
    void theChapterExportsCorrectsAndErasesKeepingTheInvoices() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ErasureChapter.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("\"format\": \"consentkit-subject-export-v1\"", "\"full_name\": \"Anna Petrova\"",
                "client record now: email = a.petrova@example.net",
                "outcome: REFUSED because [LEGAL_HOLD: legal hold ",
                "outcome: COMPLETED, consents withdrawn [newsletter], contacts suppressed 1",
                "erased  studio           client row x1",
                "kept    studio           invoice rows x2",
                "because LEGAL_OBLIGATION: purpose invoices (dpv:LegalObligation)",
                "rows left: client 0, invoice 2; invoice billing name still opens: true",
                "a second erasure: NOTHING_TO_ERASE",
                "request COMPLETED: export ", "request REFUSED", "request COMPLETED: erasure ",
                "audit chain verifies: true");
    }
}
