package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.DecryptionException;
import dev.consentkit.crypto.Suite;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Seals field values into {@link FieldCiphertext}s under a data key and opens them again, for every
 * {@link Suite}. Each value gets a fresh random nonce, a key commitment, and associated data that binds
 * its {@link FieldContext} and header. Not API.
 *
 * <p>Thread-safe: the only state is one {@link SecureRandom}, which is.
 */
public final class FieldSealer {
    private final SecureRandom random = new SecureRandom();

    /** Creates a sealer with its own {@link SecureRandom}. */
    public FieldSealer() {
    }

    /**
     * Seals a value with a fresh random nonce.
     *
     * @param key the data key; its id is written into the ciphertext
     * @param suite the suite to seal with
     * @param context where the value will be stored
     * @param plaintext the value; may be empty
     * @return the sealed value
     * @throws NullPointerException if an argument is null
     */
    public FieldCiphertext seal(DataKey key, Suite suite, FieldContext context, byte[] plaintext) {
        Objects.requireNonNull(suite, "suite");
        byte[] nonce = new byte[Suites.nonceBytes(suite)];
        random.nextBytes(nonce);
        return seal(key, suite, context, plaintext, nonce);
    }

    /** Seals with a given nonce. For the golden-vector tests only: production nonces are random. */
    FieldCiphertext seal(DataKey key, Suite suite, FieldContext context, byte[] plaintext, byte[] nonce) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] header = FieldCiphertext.header(suite, key.keyId());
        byte[] aad = Aad.of(context, header);
        byte[] commitment = KeyCommitment.compute(suite, key.bytes(), nonce, header, aad);
        byte[] sealed = switch (suite) {
            case AES_256_GCM -> AesGcm.seal(key.bytes(), nonce, aad, plaintext);
            case XCHACHA20_POLY1305 -> XChaCha20Poly1305.seal(key.bytes(), nonce, aad, plaintext);
        };
        return FieldCiphertext.of(suite, key.keyId(), nonce, commitment, sealed);
    }

    /**
     * Opens a sealed value: checks the key id, then the key commitment, then the AEAD tag. No plaintext
     * is released unless all three pass.
     *
     * @param key the data key whose id the ciphertext names
     * @param context where the value was read from
     * @param ciphertext the sealed value
     * @return the plaintext
     * @throws DecryptionException if the key id differs, or the value was sealed under another key, for
     *     another context, or altered
     * @throws NullPointerException if an argument is null
     */
    public byte[] open(DataKey key, FieldContext context, FieldCiphertext ciphertext) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.keyId() != key.keyId()) {
            throw new DecryptionException();
        }
        Suite suite = ciphertext.suite();
        byte[] header = ciphertext.header();
        byte[] nonce = ciphertext.nonce();
        byte[] aad = Aad.of(context, header);
        if (!KeyCommitment.matches(suite, key.bytes(), nonce, header, aad, ciphertext.commitment())) {
            throw new DecryptionException();
        }
        return switch (suite) {
            case AES_256_GCM -> AesGcm.open(key.bytes(), nonce, aad, ciphertext.sealed());
            case XCHACHA20_POLY1305 -> XChaCha20Poly1305.open(key.bytes(), nonce, aad, ciphertext.sealed());
        };
    }
}
