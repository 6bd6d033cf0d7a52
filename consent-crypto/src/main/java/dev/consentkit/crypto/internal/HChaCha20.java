package dev.consentkit.crypto.internal;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.util.Pack;

/**
 * HChaCha20 (draft-irtf-cfrg-xchacha-03, section 2.2): derives a 256-bit subkey from a 256-bit key
 * and a 128-bit nonce. The extended-nonce half of XChaCha20.
 *
 * <p>Built on Bouncy Castle's ChaCha core because bcprov 1.82 has no HChaCha20 or XChaCha20 of its
 * own (both arrived in 1.85). That core adds the input state to the permuted state at the end;
 * HChaCha20 does not, so the input is subtracted again, word by word (mod 2<sup>32</sup>).
 */
final class HChaCha20 {
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 16;
    private static final int ROUNDS = 20;
    /** "expand 32-byte k", little-endian words. */
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private HChaCha20() {
    }

    /**
     * @param key 32 bytes
     * @param nonce the first {@value #NONCE_BYTES} bytes are used
     * @return the 32-byte subkey; the caller clears it after use
     */
    static byte[] subkey(byte[] key, byte[] nonce) {
        Sizes.exactly(key, KEY_BYTES, "key");
        if (nonce.length < NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must have at least " + NONCE_BYTES + " bytes");
        }
        int[] state = new int[16];
        System.arraycopy(SIGMA, 0, state, 0, 4);
        Pack.littleEndianToInt(key, 0, state, 4, 8);
        Pack.littleEndianToInt(nonce, 0, state, 12, 4);
        int[] mixed = new int[16];
        ChaChaEngine.chachaCore(ROUNDS, state, mixed);
        byte[] subkey = new byte[KEY_BYTES];
        for (int i = 0; i < 4; i++) {
            Pack.intToLittleEndian(mixed[i] - state[i], subkey, 4 * i);
            Pack.intToLittleEndian(mixed[12 + i] - state[12 + i], subkey, 16 + 4 * i);
        }
        Arrays.fill(state, 0);
        Arrays.fill(mixed, 0);
        return subkey;
    }
}
