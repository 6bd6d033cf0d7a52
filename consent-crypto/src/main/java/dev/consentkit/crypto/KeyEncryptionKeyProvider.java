package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The master key (key-encryption key, KEK) that wraps every data key. ConsentKit never stores it;
 * the host supplies it from an environment variable, a passphrase-sealed key file, or its KMS (by
 * implementing this interface, so the master key never leaves the KMS).
 *
 * <p>Implementations are thread-safe. Wrapping binds a context (for keys made since schema version 4:
 * subject reference, group, version, key id and the KEK's id): a wrapped key moved to another subject,
 * group, version or key id fails to unwrap.
 *
 * <p><b>Key rows the provider recognises as its own.</b> Whoever can wrap can make a data-key row — with
 * an asymmetric master key that is anyone holding the public key, a write-only front end or a database
 * writer. {@link FieldCrypto} therefore seals new values only under a row it can authenticate as made
 * by a holder of the provider's secret ({@link #authenticateKeyRow}); any other row still opens, but is
 * never sealed under again: the next seal makes a new version, authenticated. A provider that cannot
 * authenticate rows (the default, e.g. a host's KMS provider that does not implement it) works all the
 * same, but then makes a new data-key version whenever a seal misses the key cache.
 */
public interface KeyEncryptionKeyProvider {

    /** @return the id of the KEK new data keys are wrapped under */
    KekId currentKekId();

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
     * @throws dev.consentkit.crypto.spec.DecryptionException if the KEK is unknown, or the wrapped key or context was changed
     */
    byte[] unwrap(KekId kekId, byte[] wrapped, byte[] context);

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
     * The tag by which {@link FieldCrypto} recognises a data-key row as made by a holder of this
     * provider's secret, so that it seals only under such rows. It must be a MAC (e.g. HMAC-SHA256)
     * under a secret that a party who can only wrap does not hold — derived from the master key
     * {@code kekId} (this library's providers do so), or a separate key in the host's KMS — and the same
     * on every instance that holds that secret.
     *
     * @param kekId the master key the row's data key is wrapped under
     * @param row the canonical encoding of the row (subject reference, group, version, key id, KEK id,
     *     format, creation time and wrapped key), never key material in the clear
     * @return the tag, 16 to 64 bytes; empty if this provider holds no secret for {@code kekId} (a
     *     write-only provider, an unknown KEK id; the default)
     */
    default Optional<byte[]> authenticateKeyRow(KekId kekId, byte[] row) {
        return Optional.empty();
    }

    /**
     * @return the master keys this provider holds (current first), for the compliance report's check
     *     of wraps per master key and key sizes; default empty (unknown)
     */
    default List<ProtectionProfile.MasterKey> describeMasterKeys() {
        return List.of();
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
