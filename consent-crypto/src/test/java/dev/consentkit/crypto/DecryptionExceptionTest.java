package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.ConsentException;
import org.junit.jupiter.api.Test;

class DecryptionExceptionTest {

    @Test
    void saysDecryptionFailedAndNothingElse() {
        DecryptionException e = new DecryptionException();
        assertThat(e).isInstanceOf(ConsentException.class).hasMessage("decryption failed").hasNoCause();
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(e).hasToString(DecryptionException.class.getName() + ": decryption failed");
    }
}
