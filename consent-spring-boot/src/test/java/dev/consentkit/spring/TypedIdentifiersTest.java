package dev.consentkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.architecture.TypedSignatures;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7 for consent-spring-boot: no public signature of its API packages takes a bare
 * {@code String} for a data category, key group, blind-index name, KEK id, retention event or policy id
 * (the scan and its self-check: {@link TypedSignatures}, {@code dev.consentkit.core.TypedIdentifiersTest}).
 * The module has no module descriptor, so its API packages are listed here: all but {@code internal}.
 */
class TypedIdentifiersTest {
    private static final Set<String> API = Set.of("dev.consentkit.spring", "dev.consentkit.spring.actuate",
            "dev.consentkit.spring.jpa", "dev.consentkit.spring.schema", "dev.consentkit.spring.transaction");

    /** Matches by name, but is a secret key in base64 from the configuration, not an index name. */
    private static final String BLIND_INDEX_KEY = ConsentKitProperties.Crypto.class.getName()
            + "#setBlindIndexKey(blindIndexKey)";

    @Test
    void apiSignaturesTakeTypedIdentifiers() {
        assertThat(TypedSignatures.publicTypes(API)).as("the scan sees the module's types")
                .contains(ConsentKitProperties.class, ConsentKitAutoConfiguration.class);

        assertThat(TypedSignatures.violations(TypedSignatures.publicTypes(API)))
                .as("public String parameters naming a typed identifier").containsExactly(BLIND_INDEX_KEY);
    }
}
