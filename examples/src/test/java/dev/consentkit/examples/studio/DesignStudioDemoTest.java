package dev.consentkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.purpose.Notice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo tells the whole story and the audit tampering is caught. */
class DesignStudioDemoTest {

    @Test
    void demoPrintsTheScenario() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DesignStudioDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains(StudioCatalog.NEWSLETTER_RU)
                .contains("(nothing new recorded)")
                .contains("\"version\": \"KI-CR-v1.1.0\"")
                .contains(Notice.sha256Hex(StudioCatalog.POLICY_RU))
                .contains("check client-1001/newsletter -> PERMITTED on CONSENT")
                .contains("check client-1001/order-fulfilment -> PERMITTED on CONTRACT")
                .contains("check client-1002/portfolio/asset=project-42 -> PERMITTED")
                .contains("check client-1002/portfolio/asset=project-43 -> DENIED: NEVER_GIVEN")
                .contains("check client-1003/newsletter -> DENIED: REFUSED")
                .contains("check client-1001/newsletter -> DENIED: WITHDRAWN")
                .contains("check client-1002/newsletter -> DENIED: NOTICE_OUTDATED")
                .contains("check client-1002/newsletter -> DENIED: INVALIDATED")
                .contains("verify(): Intact")
                .contains("find by e-mail \"Anna.Petrova@Example.org\" -> [client-1001]")
                .contains("manager opens it for order fulfilment: anna.petrova@example.org")
                .contains("designer opens it: REFUSED CATEGORY_NOT_GRANTED")
                .contains("REFUSED WITHDRAWN")
                .contains("a backup copy of her e-mail: the key of this client.email value was destroyed")
                .contains("a backup copy of her phone reads as: [erased]")
                .contains("find by e-mail now -> []")
                .contains("audit chain still verifies: true")
                .contains("verify(): Broken[sequence=3, kind=EDITED]")
                .contains("row restored, verify(): true")
                .contains("verify(): Broken[sequence=5, kind=MISSING]")
                .doesNotContain("203.0.113.7")
                .doesNotContain("client.email column holds: ck1.anna")
                .doesNotContain("NEW ENTRY");
    }
}
