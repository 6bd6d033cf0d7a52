package dev.consentkit.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.crypto.spec.DecryptionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AesGcmTest {
    private static final byte[] KEY = TestBytes.sequence(32, 1);
    private static final byte[] NONCE = TestBytes.sequence(12, 100);
    private static final byte[] AAD = "aad".getBytes(StandardCharsets.US_ASCII);

    @Test
    void runsOnTheJdksOwnProvider() {
        // the provider Wycheproof vouches for here is the one field encryption gets at run time
        assertThat(Jce.cipher("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
        assertThat(Jce.mac("HmacSHA256").getProvider().getName()).isEqualTo("SunJCE");
    }

    @Test
    void refusesEveryKeyNonceSizeButItsOwn() {
        for (int size : new int[] {0, 16, 24, 31, 33}) {
            assertThatThrownBy(() -> AesGcm.seal(new byte[size], NONCE, AAD, new byte[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("key must have 32 bytes, got " + size);
        }
        for (int size : new int[] {0, 8, 11, 13, 16, 24}) {
            assertThatThrownBy(() -> AesGcm.seal(KEY, new byte[size], AAD, new byte[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("nonce must have 12 bytes, got " + size);
            assertThatThrownBy(() -> AesGcm.open(KEY, new byte[size], AAD, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aValueShorterThanATagDoesNotOpen() {
        for (int length = 0; length < AesGcm.TAG_BYTES; length++) {
            byte[] sealed = new byte[length];
            assertThatThrownBy(() -> AesGcm.open(KEY, NONCE, AAD, sealed))
                    .isInstanceOf(DecryptionException.class).hasMessage("decryption failed");
        }
    }

    @Test
    void theSameKeyAndNonceTwiceInARowIsRefusedByTheJdk() {
        byte[] nonce = TestBytes.sequence(12, 7);
        AesGcm.seal(KEY, nonce, AAD, new byte[3]);
        assertThatThrownBy(() -> AesGcm.seal(KEY, nonce, AAD, new byte[3]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nonce repeated");
    }

    @Test
    void aFailedOpenLeavesTheThreadsCipherUsable() {
        byte[] sealed = AesGcm.seal(KEY, NONCE, AAD, "first".getBytes(StandardCharsets.US_ASCII));
        byte[] tampered = sealed.clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(KEY, NONCE, AAD, tampered)).isInstanceOf(DecryptionException.class);
        assertThat(AesGcm.open(KEY, NONCE, AAD, sealed)).asString(StandardCharsets.US_ASCII).isEqualTo("first");
    }

    @Test
    void threadsSealingAndOpeningAtOnceDoNotDisturbEachOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    byte[] key = TestBytes.sequence(32, thread);
                    for (int i = 0; i < 500; i++) {
                        byte[] nonce = TestBytes.sequence(12, thread * 1000 + i);
                        byte[] plaintext = ("value " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
                        byte[] opened = AesGcm.open(key, nonce, AAD, AesGcm.seal(key, nonce, AAD, plaintext));
                        assertThat(opened).isEqualTo(plaintext);
                    }
                    return thread;
                });
            }
            for (Future<Integer> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
