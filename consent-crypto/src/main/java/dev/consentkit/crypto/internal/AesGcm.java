package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.DecryptionException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
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
    private static final ThreadLocal<Slot> SEALERS = ThreadLocal.withInitial(Slot::new);
    private static final byte[] NOTHING = new byte[0];
    private static final ThreadLocal<Slot> OPENERS = ThreadLocal.withInitial(Slot::new);

    /**
     * A thread's {@link Cipher} and a scratch array where the two parts of the associated data are
     * joined: the JDK's GCM copies associated data into a growing buffer, so one {@code updateAAD}
     * call costs less than two. The scratch holds cell names and a header, never key or plaintext.
     */
    private static final class Slot {
        final Cipher cipher = Jce.cipher(TRANSFORMATION);
        byte[] aad = new byte[128];

        /** Feeds {@code aad || moreAad[0..moreAadLength)} in one call. */
        void updateAad(byte[] first, byte[] more, int moreLength) {
            if (moreLength == 0) {
                cipher.updateAAD(first);
                return;
            }
            int length = first.length + moreLength;
            if (aad.length < length) {
                aad = new byte[Math.max(length, 2 * aad.length)];
            }
            System.arraycopy(first, 0, aad, 0, first.length);
            System.arraycopy(more, 0, aad, first.length, moreLength);
            cipher.updateAAD(aad, 0, length);
        }
    }

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
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        seal(new SecretKeySpec(key, "AES"), nonce, 0, aad, NOTHING, 0, plaintext, out, 0);
        return out;
    }

    /**
     * Encrypts and authenticates without intermediate arrays: the nonce is read from {@code nonceSource}
     * and the associated data is {@code aad} followed by the first {@code moreAadLength} bytes of
     * {@code moreAad}; ciphertext and tag are written to {@code out} at {@code outOffset}. The field
     * sealer passes one array as nonce source, second AAD part (the header) and output: the JDK takes
     * copies of nonce and AAD before anything is written. Sizes are the caller's to check.
     */
    static void seal(SecretKey key, byte[] nonceSource, int nonceOffset, byte[] aad, byte[] moreAad, int moreAadLength,
                     byte[] plaintext, byte[] out, int outOffset) {
        Slot slot = SEALERS.get();
        Cipher cipher = slot.cipher;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonceSource, nonceOffset, NONCE_BYTES));
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("AES-GCM refused a nonce repeated under the same key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is required of every Java platform", e);
        }
        try {
            slot.updateAad(aad, moreAad, moreAadLength);
            cipher.doFinal(plaintext, 0, plaintext.length, out, outOffset);
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
        return open(new SecretKeySpec(key, "AES"), nonce, 0, aad, NOTHING, 0, sealed, 0, sealed.length);
    }

    /**
     * Verifies and decrypts {@code sealedLength} bytes (ciphertext and tag) of {@code source} at
     * {@code sealedOffset}; nonce and associated data as for
     * {@link #seal(SecretKey, byte[], int, byte[], byte[], int, byte[], byte[], int)}.
     *
     * @throws DecryptionException if the tag does not verify or the input is shorter than a tag
     */
    static byte[] open(SecretKey key, byte[] nonceSource, int nonceOffset, byte[] aad, byte[] moreAad, int moreAadLength,
                       byte[] source, int sealedOffset, int sealedLength) {
        if (sealedLength < TAG_BYTES) {
            throw new DecryptionException();
        }
        Slot slot = OPENERS.get();
        Cipher cipher = slot.cipher;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonceSource, nonceOffset, NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is required of every Java platform", e);
        }
        try {
            slot.updateAad(aad, moreAad, moreAadLength);
            return cipher.doFinal(source, sealedOffset, sealedLength);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException();
        }
    }

    private static void checkSizes(byte[] key, byte[] nonce) {
        Sizes.exactly(key, KEY_BYTES, "key");
        Sizes.exactly(nonce, NONCE_BYTES, "nonce");
    }
}
