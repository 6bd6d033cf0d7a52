package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.spec.Suite;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Seals field values into {@link FieldCiphertext}s under a data key and opens them again, for every
 * {@link Suite}. Each value gets a fresh random nonce, the key's commitment, and associated data that
 * binds its {@link FieldContext} and header. Not API.
 *
 * <p>With AES-256-GCM a seal writes header, nonce, commitment, ciphertext and tag straight into the
 * one array it returns, and an open decrypts straight out of the stored array: the per-value work is
 * the random nonce and the AEAD, everything else is derived once per data key ({@link DataKey}) or
 * per cell ({@link FieldContext}).
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
        Sizes.exactly(nonce, Suites.nonceBytes(suite), "nonce");
        key.enter();
        try {
            return sealEntered(key, suite, context, plaintext, nonce);
        } finally {
            key.exit();
        }
    }

    private FieldCiphertext sealEntered(DataKey key, Suite suite, FieldContext context, byte[] plaintext, byte[] nonce) {
        DataKey.SuiteKey k = key.forSuite(suite);
        byte[] out = new byte[FieldCiphertext.encodedLength(suite, plaintext.length)];
        FieldCiphertext.writeHeader(out, suite, key.keyId(), context.version().isPresent());
        int nonceAt = FieldCiphertext.HEADER_BYTES;
        int commitmentAt = nonceAt + nonce.length;
        int sealedAt = commitmentAt + KeyCommitment.BYTES;
        System.arraycopy(nonce, 0, out, nonceAt, nonce.length);
        System.arraycopy(k.commitment, 0, out, commitmentAt, KeyCommitment.BYTES);
        switch (suite) {
            case AES_256_GCM -> AesGcm.seal(k.jdkKey, out, nonceAt, context.aadPrefix(), out,
                    FieldCiphertext.HEADER_BYTES, plaintext, out, sealedAt);
            case XCHACHA20_POLY1305 -> {
                byte[] aad = Aad.of(context, Arrays.copyOf(out, FieldCiphertext.HEADER_BYTES));
                byte[] sealed = XChaCha20Poly1305.seal(k.encryptionKey, nonce, aad, plaintext);
                System.arraycopy(sealed, 0, out, sealedAt, sealed.length);
            }
        }
        return FieldCiphertext.wrap(suite, out);
    }

    /**
     * Opens a sealed value: checks the key id and that the value is bound to a cell version exactly when
     * the context has one, then the key commitment, then the AEAD tag. No plaintext is released unless
     * all of them pass.
     *
     * @param key the data key whose id the ciphertext names
     * @param context where the value was read from
     * @param ciphertext the sealed value
     * @return the plaintext
     * @throws DecryptionException if the key id differs, or the value was sealed under another key, for
     *     another context (another cell version included), or altered
     * @throws NullPointerException if an argument is null
     */
    public byte[] open(DataKey key, FieldContext context, FieldCiphertext ciphertext) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.keyId() != key.keyId() || ciphertext.versionBound() != context.version().isPresent()) {
            throw new DecryptionException();
        }
        key.enter();
        try {
            return openEntered(key, context, ciphertext);
        } finally {
            key.exit();
        }
    }

    private byte[] openEntered(DataKey key, FieldContext context, FieldCiphertext ciphertext) {
        Suite suite = ciphertext.suite();
        DataKey.SuiteKey k = key.forSuite(suite);
        byte[] encoded = ciphertext.encoded();
        int sealedAt = ciphertext.sealedOffset();
        if (!KeyCommitment.matches(k.commitment, encoded, ciphertext.commitmentOffset())) {
            throw new DecryptionException();
        }
        return switch (suite) {
            case AES_256_GCM -> AesGcm.open(k.jdkKey, encoded, FieldCiphertext.HEADER_BYTES, context.aadPrefix(),
                    encoded, FieldCiphertext.HEADER_BYTES, encoded, sealedAt, encoded.length - sealedAt);
            case XCHACHA20_POLY1305 -> XChaCha20Poly1305.open(k.encryptionKey, ciphertext.nonce(),
                    Aad.of(context, ciphertext.header()), ciphertext.sealed());
        };
    }
}
