package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.DecryptionException;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSAES-OAEP (RFC 8017) with SHA-256 and MGF1-SHA-256 through the JDK, the label carrying associated
 * data: a wrapped key opens only with the label it was wrapped with. Moduli of 2048 to 4096 bits.
 * Not API.
 *
 * <p>Thread-safe: each call takes its own {@link Cipher} (an RSA operation costs far more than the
 * lookup). Every failure to unwrap is one {@link DecryptionException}, whatever the JDK found wrong,
 * so that padding errors cannot be told apart (Manger's attack).
 */
public final class RsaOaep {
    /** Smallest accepted modulus, in bits. */
    public static final int MIN_BITS = 2048;
    /** Largest accepted modulus, in bits: a wrapped key then fits the key store's 512 bytes. */
    public static final int MAX_BITS = 4096;
    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    private RsaOaep() {
    }

    /**
     * @param key the public key, 2048 to 4096 bits
     * @param plaintext at most the modulus length minus 66 bytes
     * @param label associated data, bound into the padding; may be empty
     * @return the ciphertext, as long as the modulus
     * @throws IllegalArgumentException if the key has another size
     */
    public static byte[] wrap(RSAPublicKey key, byte[] plaintext, byte[] label) {
        checkBits(key.getModulus().bitLength());
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            Cipher cipher = Jce.cipher(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, spec(label));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP with SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * @param key the private key, 2048 to 4096 bits
     * @param wrapped the ciphertext
     * @param label the label given to {@link #wrap}
     * @return the plaintext
     * @throws DecryptionException if the ciphertext or label was changed, or was made under another key
     * @throws IllegalArgumentException if the key has another size
     */
    public static byte[] unwrap(RSAPrivateKey key, byte[] wrapped, byte[] label) {
        checkBits(key.getModulus().bitLength());
        Objects.requireNonNull(wrapped, "wrapped");
        try {
            Cipher cipher = Jce.cipher(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, spec(label));
            return cipher.doFinal(wrapped);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DecryptionException();
        }
    }

    /**
     * @param bits a modulus size
     * @throws IllegalArgumentException if it is outside 2048 to 4096
     */
    public static void checkBits(int bits) {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("RSA key must have " + MIN_BITS + " to " + MAX_BITS + " bits, got " + bits);
        }
    }

    private static OAEPParameterSpec spec(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(Objects.requireNonNull(label, "label")));
    }
}
