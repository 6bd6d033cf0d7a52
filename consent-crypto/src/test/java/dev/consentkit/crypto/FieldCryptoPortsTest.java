package dev.consentkit.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.testkit.fixtures.ConsentOnlyStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: field protection needs the key and blind-index ports; built on a storage that offers
 * the consent ports only, it fails at build, naming the port and the storage.
 */
class FieldCryptoPortsTest {
    @Test
    void onAConsentOnlyStorageTheBuildFailsNamingTheKeyPort() {
        ConsentKit kit = Fixtures.kit(new ConsentOnlyStorage(), new MutableClock(Instant.parse("2026-03-02T10:00:00Z")));

        assertThatThrownBy(() -> FieldCrypto.builder(kit).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ConsentOnlyStorage offers no KeyStore port");
    }
}
