package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.DecryptionException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK ({@code AES/GCM/NoPadding}, hardware AES and GHASH where the CPU has
 * them). Keys are 256 bits, nonces 96 bits, tags 128 bits; any other size is refused. Not API.
 *
 * <p>Thread-safe. Each thread keeps one initialisable {@link Cipher} for sealing and one for opening,
 * because {@code Cipher.getInstance} costs more than sealing a small field. Reusing them is safe:
 * a {@code Cipher} is only ever touched by its own thread, and every operation begins with
 * {@code init(key, nonce)}, which discards whatever the previous operation left, a failed one included.
 * Sealing and opening use separate objects so that the JDK's refusal to encrypt twice in a row under
 * the same key and nonce, which compares with the last encryption on the same object, is not reset by
 * an opening in between. What survives an operation is the last key's schedule, held by the thread's
 * {@code Cipher} until the next operation or the thread's end (a virtual thread gets its own pair and
 * gains nothing from the reuse).
 */
public final class AesGcm {
    /** Key size: 32 bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    /** Nonce size: 12 bytes, the only size GCM handles without hashing the nonce. */
    public static final int NONCE_BYTES = 12;
    /** Tag size: 16 bytes. */
    public static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> SEALERS = ThreadLocal.withInitial(() -> Jce.cipher(TRANSFORMATION));
    private static final ThreadLocal<Cipher> OPENERS = ThreadLocal.withInitial(() -> Jce.cipher(TRANSFORMATION));

    private AesGcm() {
    }

    /**
     * Encrypts and authenticates.
     *
     * @param key 32 bytes
     * @param nonce 12 bytes, never used twice with the same key
     * @param aad associated data, authenticated but not encrypted; may be empty
     * @param plaintext may be empty
     * @return the ciphertext followed by the 16-byte tag
     * @throws IllegalArgumentException if the key or nonce has another size
     * @throws IllegalStateException if the JDK refuses the nonce because the previous sealing on this
     *     thread used the same key and nonce
     * @throws NullPointerException if an argument is null
     */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        checkSizes(key, nonce);
        Objects.requireNonNull(aad, "aad");
        Objects.requireNonNull(plaintext, "plaintext");
        Cipher cipher = SEALERS.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("AES-GCM refused a nonce repeated under the same key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is required of every Java platform", e);
        }
        try {
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Verifies and decrypts. Plaintext is released only after the tag has been checked.
     *
     * @param key 32 bytes
     * @param nonce 12 bytes
     * @param aad the associated data given when sealing
     * @param sealed ciphertext followed by the 16-byte tag
     * @return the plaintext
     * @throws DecryptionException if the tag does not verify or {@code sealed} is shorter than a tag
     * @throws IllegalArgumentException if the key or nonce has another size
     * @throws NullPointerException if an argument is null
     */
    public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        checkSizes(key, nonce);
        Objects.requireNonNull(aad, "aad");
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < TAG_BYTES) {
            throw new DecryptionException();
        }
        Cipher cipher = OPENERS.get();
        try {
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is required of every Java platform", e);
        }
        try {
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException();
        }
    }

    private static void checkSizes(byte[] key, byte[] nonce) {
        Sizes.exactly(key, KEY_BYTES, "key");
        Sizes.exactly(nonce, NONCE_BYTES, "nonce");
    }
}
