package dev.consentkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.architecture.TypedSignatures;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7 for consent-jdbc: no public signature of its exported packages takes a bare
 * {@code String} for a data category, key group, blind-index name, KEK id, retention event or policy id
 * (the scan and its self-check: {@link TypedSignatures}, {@code dev.consentkit.core.TypedIdentifiersTest}).
 */
class TypedIdentifiersTest {
    @Test
    void exportedSignaturesTakeTypedIdentifiers() {
        Set<String> exported = TypedSignatures.exportedPackages(JdbcStorage.class);
        assertThat(exported).as("read from module-info").contains("dev.consentkit.jdbc", "dev.consentkit.jdbc.spi");

        assertThat(TypedSignatures.violations(TypedSignatures.publicTypes(exported)))
                .as("public String parameters naming a typed identifier").isEmpty();
    }
}
