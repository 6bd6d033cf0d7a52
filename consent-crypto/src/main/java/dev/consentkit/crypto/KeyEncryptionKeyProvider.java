package dev.consentkit.crypto;

import java.util.Base64;
import java.util.Objects;

/**
 * The master key (key-encryption key, KEK) that wraps every data key. ConsentKit never stores it;
 * the host supplies it from an environment variable, a passphrase-sealed key file, or its KMS (by
 * implementing this interface, so the master key never leaves the KMS).
 *
 * <p>Implementations are thread-safe. Wrapping binds a context (subject reference, group, version):
 * a wrapped key moved to another subject fails to unwrap.
 */
public interface KeyEncryptionKeyProvider {

    /** @return the id of the KEK new data keys are wrapped under */
    String currentKekId();

    /**
     * @param dataKey the data key, 32 bytes
     * @param context what the key belongs to; must be given again to unwrap
     * @return the data key wrapped under the current KEK
     */
    byte[] wrap(byte[] dataKey, byte[] context);

    /**
     * @param kekId the id of the KEK it was wrapped under
     * @param wrapped the wrapped key
     * @param context the context given to {@link #wrap}
     * @return the data key
     * @throws DecryptionException if the KEK is unknown, or the wrapped key or context was changed
     */
    byte[] unwrap(String kekId, byte[] wrapped, byte[] context);

    /**
     * Whether this provider can unwrap at all. A write-only provider (a front end holding only an RSA
     * public key, {@link RsaKeyEncryptionKeys#writeOnly}) returns false: {@link FieldCrypto} then
     * refuses to open values and makes a new data-key version where it would unwrap one to seal.
     *
     * @return true unless the provider can only wrap; default true
     */
    default boolean canUnwrap() {
        return true;
    }

    /**
     * Reads a 256-bit master key, base64, from an environment variable.
     *
     * @param variable the variable's name, e.g. {@code CK_MASTER_KEY}
     * @return a provider with that one key
     * @throws IllegalStateException if the variable is unset, not base64 or not 32 bytes (the value
     *                               is never echoed)
     */
    static KeyEncryptionKeyProvider fromEnvironment(String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + variable + " is not set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + variable + " is not base64");
        }
        try {
            return LocalKeyEncryptionKeys.of(LocalKeyEncryptionKeys.fingerprintId("env", key), key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + variable + " must hold 32 bytes");
        }
    }
}
