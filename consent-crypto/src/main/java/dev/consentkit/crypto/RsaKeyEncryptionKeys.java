package dev.consentkit.crypto;

import dev.consentkit.crypto.internal.RsaOaep;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A master key that is an RSA key pair: data keys are wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256,
 * the wrap context as OAEP label) under the public key and unwrapped with the private key. A front end
 * given only the public key ({@link #writeOnly}) can seal new values but never open one — not even
 * its own — while the back office, holding the pair ({@link #of}), reads everything.
 *
 * <pre>{@code
 * // web form: public key only
 * FieldCrypto form = FieldCrypto.builder(kit).keyEncryptionKeys(RsaKeyEncryptionKeys.writeOnly("rsa-2026", publicKey)) ...
 * // back office: the pair
 * FieldCrypto office = FieldCrypto.builder(kit).keyEncryptionKeys(RsaKeyEncryptionKeys.of("rsa-2026", keyPair)) ...
 * }</pre>
 *
 * <p>A write-only {@link FieldCrypto} cannot unwrap a subject's existing data key, so the first seal
 * for a subject and group in each key-cache period ({@link FieldCrypto.Builder#keyCacheTtl}) makes a
 * new key version (audited as {@code key.created}); values keep opening on the back office, which
 * unwraps every version. Keys are 2048 to 4096 bits (3072 or more recommended). Immutable and
 * thread-safe; {@link #toString()} shows the id only.
 */
public final class RsaKeyEncryptionKeys implements KeyEncryptionKeyProvider {
    private final String kekId;
    private final RSAPublicKey publicKey;
    private final Optional<RSAPrivateKey> privateKey;

    private RsaKeyEncryptionKeys(String kekId, RSAPublicKey publicKey, Optional<RSAPrivateKey> privateKey) {
        this.kekId = LocalKeyEncryptionKeys.checkId(kekId);
        RsaOaep.checkBits(publicKey.getModulus().bitLength());
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * @param kekId the key pair's id, stored beside every data key it wraps
     * @param publicKey the RSA public key
     * @return a provider that wraps but cannot unwrap
     * @throws IllegalArgumentException if the id is malformed or the key not 2048 to 4096 bits
     */
    public static RsaKeyEncryptionKeys writeOnly(String kekId, RSAPublicKey publicKey) {
        return new RsaKeyEncryptionKeys(kekId, Objects.requireNonNull(publicKey, "publicKey"), Optional.empty());
    }

    /**
     * @param kekId the key pair's id, stored beside every data key it wraps
     * @param pair an RSA key pair
     * @return a provider that wraps and unwraps
     * @throws IllegalArgumentException if the id is malformed, the pair is not RSA, the halves do not
     *     belong together, or the key is not 2048 to 4096 bits
     */
    public static RsaKeyEncryptionKeys of(String kekId, KeyPair pair) {
        Objects.requireNonNull(pair, "pair");
        if (!(pair.getPublic() instanceof RSAPublicKey pub) || !(pair.getPrivate() instanceof RSAPrivateKey priv)) {
            throw new IllegalArgumentException("key pair " + kekId + " is not an RSA key pair");
        }
        if (!pub.getModulus().equals(priv.getModulus())) {
            throw new IllegalArgumentException("the public and private keys of " + kekId + " do not belong together");
        }
        return new RsaKeyEncryptionKeys(kekId, pub, Optional.of(priv));
    }

    @Override
    public String currentKekId() {
        return kekId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        return RsaOaep.wrap(publicKey, dataKey, context);
    }

    /**
     * @throws DecryptionException if the key id is not this pair's, or the wrapped key or context was changed
     * @throws IllegalStateException if this provider is write-only
     */
    @Override
    public byte[] unwrap(String kekId, byte[] wrapped, byte[] context) {
        RSAPrivateKey key = privateKey.orElseThrow(() ->
                new IllegalStateException("master key " + this.kekId + " is write-only here: no private key to unwrap with"));
        if (!this.kekId.equals(kekId)) {
            throw new DecryptionException();
        }
        return RsaOaep.unwrap(key, wrapped, context);
    }

    @Override
    public boolean canUnwrap() {
        return privateKey.isPresent();
    }

    @Override
    public String toString() {
        return "RsaKeyEncryptionKeys[" + kekId + (privateKey.isPresent() ? "" : ", write-only") + "]";
    }
}
