package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.spec.Suite;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A data key dropped by the cache is cleared only when no seal or open is using it, and a cleared key
 * refuses every later use instead of sealing under zeros (issue 12 finding 11, best effort).
 */
class DataKeyClearingTest {
    private final FieldSealer sealer = new FieldSealer();
    private final FieldContext context = new FieldContext("client", "email", "row-1", "a".repeat(43));

    @Test
    void aKeyInUseIsNotClearedAndAClearedKeyRefusesToSealOrOpen() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        DataKey key = DataKey.of(42, bytes);
        FieldCiphertext sealed = sealer.seal(key, Suite.XCHACHA20_POLY1305, context, new byte[] {1, 2, 3});

        key.enter();
        assertThat(key.tryClear()).as("in use").isFalse();
        key.exit();
        assertThat(key.tryClear()).isTrue();
        assertThat(key.tryClear()).as("cleared before").isTrue();

        assertThat(key.bytes()).containsOnly(0);
        assertThatThrownBy(() -> sealer.seal(key, Suite.AES_256_GCM, context, new byte[] {1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cleared");
        assertThatThrownBy(() -> sealer.open(key, context, sealed)).isInstanceOf(IllegalStateException.class);
    }
}
