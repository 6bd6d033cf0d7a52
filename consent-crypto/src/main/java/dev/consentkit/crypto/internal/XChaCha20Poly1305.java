package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.DecryptionException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03, section 2.3) through Bouncy Castle's lightweight
 * API. Keys are 256 bits, nonces 192 bits, tags 128 bits; any other size is refused. Not API.
 *
 * <p>bcprov 1.82 has ChaCha20-Poly1305 (RFC 8439) but no XChaCha variant, so this is the draft's
 * construction: the subkey is {@link HChaCha20} of the key and the nonce's first 16 bytes, and the
 * RFC 8439 nonce is four zero bytes followed by the nonce's last 8 bytes.
 *
 * <p>Thread-safe: every operation uses a fresh {@link ChaCha20Poly1305}. It is a few small arrays, and
 * a fresh one leaves no subkey behind in a long-lived object.
 */
final class XChaCha20Poly1305 {
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 24;
    static final int TAG_BYTES = 16;
    private static final int INNER_NONCE_BYTES = 12;

    private XChaCha20Poly1305() {
    }

    /**
     * @param key 32 bytes
     * @param nonce 24 bytes, never used twice with the same key
     * @param aad associated data, authenticated but not encrypted; may be empty
     * @param plaintext may be empty
     * @return the ciphertext followed by the 16-byte tag
     * @throws IllegalArgumentException if the key or nonce has another size
     */
    static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        ChaCha20Poly1305 aead = init(true, key, nonce, aad);
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        int written = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            aead.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
        return out;
    }

    /**
     * Verifies and decrypts. Bouncy Castle writes plaintext out before it checks the tag; that buffer
     * is cleared and never returned when the check fails.
     *
     * @param key 32 bytes
     * @param nonce 24 bytes
     * @param aad the associated data given when sealing
     * @param sealed ciphertext followed by the 16-byte tag
     * @return the plaintext
     * @throws DecryptionException if the tag does not verify or {@code sealed} is shorter than a tag
     * @throws IllegalArgumentException if the key or nonce has another size
     */
    static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        Objects.requireNonNull(sealed, "sealed");
        ChaCha20Poly1305 aead = init(false, key, nonce, aad);
        if (sealed.length < TAG_BYTES) {
            throw new DecryptionException();
        }
        byte[] out = new byte[sealed.length - TAG_BYTES];
        boolean verified = false;
        try {
            int written = aead.processBytes(sealed, 0, sealed.length, out, 0);
            aead.doFinal(out, written);
            verified = true;
            return out;
        } catch (InvalidCipherTextException e) {
            throw new DecryptionException();
        } finally {
            if (!verified) {
                Arrays.fill(out, (byte) 0);
            }
        }
    }

    private static ChaCha20Poly1305 init(boolean forSealing, byte[] key, byte[] nonce, byte[] aad) {
        Sizes.exactly(key, KEY_BYTES, "key");
        Sizes.exactly(nonce, NONCE_BYTES, "nonce");
        Objects.requireNonNull(aad, "aad");
        byte[] subkey = HChaCha20.subkey(key, nonce);
        byte[] innerNonce = new byte[INNER_NONCE_BYTES];
        System.arraycopy(nonce, HChaCha20.NONCE_BYTES, innerNonce, 4, NONCE_BYTES - HChaCha20.NONCE_BYTES);
        try {
            ChaCha20Poly1305 aead = new ChaCha20Poly1305();
            aead.init(forSealing, new AEADParameters(new KeyParameter(subkey), TAG_BYTES * 8, innerNonce, aad));
            return aead;
        } finally {
            Arrays.fill(subkey, (byte) 0);
        }
    }
}
