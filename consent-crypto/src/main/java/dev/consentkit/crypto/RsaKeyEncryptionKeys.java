package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.crypto.internal.HmacSha256;
import dev.consentkit.crypto.internal.RsaOaep;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A master key that is an RSA key pair: data keys are wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256,
 * the wrap context as OAEP label) under the public key and unwrapped with the private key. A front end
 * given only the public key ({@link #writeOnly}) can seal new values but never open one — not even
 * its own — while the back office, holding the pair ({@link #of}), reads everything.
 *
 * <pre>{@code
 * KeyPair pair = RsaKeyEncryptionKeys.generateKeyPair();            // 3072 bits; keep the private half safe
 * // web form: public key only
 * FieldCrypto form = FieldCrypto.builder(kit).keyEncryptionKeys(RsaKeyEncryptionKeys.writeOnly(KekId.of("rsa-2026"), publicKey)) ...
 * // back office: the pair
 * FieldCrypto office = FieldCrypto.builder(kit).keyEncryptionKeys(RsaKeyEncryptionKeys.of(KekId.of("rsa-2026"), pair)) ...
 * }</pre>
 *
 * <p><b>Who can do what.</b> Anyone with the public key — the front end, or whoever can write to the
 * database and read the public key — can make a data-key row. So the back office authenticates the rows
 * it makes ({@link #authenticateKeyRow}: HMAC-SHA256 under a secret derived from the private key, or
 * given explicitly) and seals only under those; the front end seals only under keys it made itself, in
 * its own process. Each side still opens the other's values: the back office opens what the front end
 * sealed, which is the point. See {@code docs/security.md} ("Key rows and write-only front ends").
 *
 * <p>A write-only {@link FieldCrypto} cannot unwrap a subject's existing data key, so the first seal
 * for a subject and group in each key-cache period ({@link FieldCrypto.Builder#keyCacheTtl}) makes a
 * new key version (audited as {@code key.created}); the back office, in turn, makes its own next
 * version when the current one is a front end's. Values keep opening on the back office, which unwraps
 * every version.
 *
 * <p><b>Sizes.</b> The pair that wraps new data keys has 3072 to 4096 bits (NIST SP 800-57 Part 1 Rev. 5:
 * 3072 bits for 128-bit security). A pair of 2048 bits made before that rule is still accepted to
 * unwrap, as a retired pair ({@link #withRetired}); the compliance check {@code key.master} warns while
 * data keys remain under it, and {@link FieldCrypto#rewrapAll} moves them under the current pair.
 * Immutable and thread-safe; {@link #toString()} shows ids only.
 */
public final class RsaKeyEncryptionKeys implements KeyEncryptionKeyProvider {
    private static final String ALGORITHM = "RSA-OAEP-SHA256";
    private final KekId kekId;
    private final RSAPublicKey publicKey;
    /** Every pair that unwraps, by id: the current one (unless write-only) and the retired ones. */
    private final Map<KekId, Unwrapping> unwrapping;

    /** A private key and the secret that authenticates the rows wrapped under its pair. */
    private record Unwrapping(RSAPrivateKey key, byte[] rowSecret, int bits) {
    }

    private RsaKeyEncryptionKeys(KekId kekId, RSAPublicKey publicKey, Map<KekId, Unwrapping> unwrapping) {
        this.kekId = kekId;
        this.publicKey = publicKey;
        this.unwrapping = unwrapping;
    }

    /**
     * @param kekId the key pair's id, stored beside every data key it wraps
     * @param publicKey the RSA public key, 3072 to 4096 bits
     * @return a provider that wraps but cannot unwrap
     * @throws IllegalArgumentException if the key is not 3072 to 4096 bits
     */
    public static RsaKeyEncryptionKeys writeOnly(KekId kekId, RSAPublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(kekId, "kekId");
        checkWrapping(kekId, publicKey);
        return new RsaKeyEncryptionKeys(kekId, publicKey, Map.of());
    }

    /**
     * A provider that wraps and unwraps, authenticating its data-key rows under a secret derived from
     * the private key (HKDF-SHA256 of the private exponent): every back-office instance holding the
     * pair derives the same secret.
     *
     * @param kekId the key pair's id, stored beside every data key it wraps
     * @param pair an RSA key pair, 3072 to 4096 bits
     * @return a provider that wraps and unwraps
     * @throws IllegalArgumentException if the pair is not RSA, the halves do not
     *     belong together, the key is not 3072 to 4096 bits, or the private key does not expose its
     *     exponent (a key in an HSM: use {@link #of(KekId, KeyPair, HmacKey)})
     */
    public static RsaKeyEncryptionKeys of(KekId kekId, KeyPair pair) {
        return of(kekId, pair, Optional.empty());
    }

    /**
     * Like {@link #of(KekId, KeyPair)}, with the secret that authenticates data-key rows given
     * explicitly, for a private key whose exponent is not readable (an HSM). Every back-office instance
     * must be given the same secret; a front end must never have it.
     *
     * @param kekId the key pair's id
     * @param pair an RSA key pair, 3072 to 4096 bits
     * @param rowSecret the secret, at least 32 bytes
     * @return a provider that wraps and unwraps
     * @throws IllegalArgumentException as {@link #of(KekId, KeyPair)}
     */
    public static RsaKeyEncryptionKeys of(KekId kekId, KeyPair pair, HmacKey rowSecret) {
        return of(kekId, pair, Optional.of(Objects.requireNonNull(rowSecret, "rowSecret")));
    }

    private static RsaKeyEncryptionKeys of(KekId kekId, KeyPair pair, Optional<HmacKey> rowSecret) {
        Objects.requireNonNull(kekId, "kekId");
        RSAPublicKey pub = publicOf(kekId, pair);
        checkWrapping(kekId, pub);
        Map<KekId, Unwrapping> unwrapping = new LinkedHashMap<>();
        unwrapping.put(kekId, unwrappingOf(kekId, pair, rowSecret));
        return new RsaKeyEncryptionKeys(kekId, pub, unwrapping);
    }

    /**
     * A provider that also unwraps with an earlier pair: for rewrapping its data keys under this
     * provider's current pair ({@link FieldCrypto#rewrapAll}) after a change of key pair. The earlier
     * pair may have 2048 bits.
     *
     * <pre>{@code
     * RsaKeyEncryptionKeys office = RsaKeyEncryptionKeys.of(KekId.of("rsa-2027"), newPair)
     *         .withRetired(KekId.of("rsa-2026"), oldPair);
     * FieldCrypto.builder(kit).keyEncryptionKeys(office) ... .build().rewrapAll(500, progress -> { });
     * }</pre>
     *
     * @param retiredKekId the earlier pair's id, as stored beside the data keys it wrapped
     * @param retired the earlier pair, 2048 to 4096 bits; its row secret is derived from its private key
     * @return a provider with the same current pair that also unwraps with the earlier one
     * @throws IllegalArgumentException if the id is already used here, or the pair is not
     *     RSA, mismatched, of another size, or its private exponent is not readable
     * @throws IllegalStateException if this provider is write-only
     */
    public RsaKeyEncryptionKeys withRetired(KekId retiredKekId, KeyPair retired) {
        return withRetired(retiredKekId, retired, Optional.empty());
    }

    /**
     * Like {@link #withRetired(KekId, KeyPair)}, with the earlier pair's row secret given explicitly.
     *
     * @param retiredKekId the earlier pair's id
     * @param retired the earlier pair, 2048 to 4096 bits
     * @param rowSecret the secret the earlier pair's rows were authenticated under
     * @return a provider that also unwraps with the earlier pair
     * @throws IllegalArgumentException as {@link #withRetired(KekId, KeyPair)}
     * @throws IllegalStateException if this provider is write-only
     */
    public RsaKeyEncryptionKeys withRetired(KekId retiredKekId, KeyPair retired, HmacKey rowSecret) {
        return withRetired(retiredKekId, retired, Optional.of(Objects.requireNonNull(rowSecret, "rowSecret")));
    }

    private RsaKeyEncryptionKeys withRetired(KekId retiredKekId, KeyPair retired, Optional<HmacKey> rowSecret) {
        Objects.requireNonNull(retiredKekId, "retiredKekId");
        if (!canUnwrap()) {
            throw new IllegalStateException("master key " + kekId + " is write-only here: a retired pair belongs to"
                    + " a provider that unwraps");
        }
        if (unwrapping.containsKey(retiredKekId)) {
            throw new IllegalArgumentException("KEK id " + retiredKekId + " is already in use");
        }
        Map<KekId, Unwrapping> more = new LinkedHashMap<>(unwrapping);
        more.put(retiredKekId, unwrappingOf(retiredKekId, retired, rowSecret));
        return new RsaKeyEncryptionKeys(kekId, publicKey, more);
    }

    /**
     * @return a new 3072-bit RSA key pair, from the platform's strongest random source
     */
    public static KeyPair generateKeyPair() {
        return generateKeyPair(KeyRows.RSA_RECOMMENDED_BITS);
    }

    /**
     * @param bits 3072 to 4096
     * @return a new RSA key pair of that size (public exponent 65537)
     * @throws IllegalArgumentException if the size is out of range
     */
    public static KeyPair generateKeyPair(int bits) {
        if (bits < KeyRows.RSA_RECOMMENDED_BITS || bits > RsaOaep.MAX_BITS) {
            throw new IllegalArgumentException("a new RSA key pair must have " + KeyRows.RSA_RECOMMENDED_BITS + " to "
                    + RsaOaep.MAX_BITS + " bits, got " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new java.security.spec.RSAKeyGenParameterSpec(bits, java.security.spec.RSAKeyGenParameterSpec.F4),
                    new SecureRandom());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("RSA key generation is required of every Java platform", e);
        }
    }

    private static RSAPublicKey publicOf(KekId kekId, KeyPair pair) {
        Objects.requireNonNull(pair, "pair");
        if (!(pair.getPublic() instanceof RSAPublicKey pub) || !(pair.getPrivate() instanceof RSAPrivateKey priv)) {
            throw new IllegalArgumentException("key pair " + kekId + " is not an RSA key pair");
        }
        if (!pub.getModulus().equals(priv.getModulus())) {
            throw new IllegalArgumentException("the public and private keys of " + kekId + " do not belong together");
        }
        return pub;
    }

    private static void checkWrapping(KekId kekId, RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < KeyRows.RSA_RECOMMENDED_BITS || bits > RsaOaep.MAX_BITS) {
            throw new IllegalArgumentException("RSA key " + kekId + " must have " + KeyRows.RSA_RECOMMENDED_BITS + " to "
                    + RsaOaep.MAX_BITS + " bits to wrap new data keys, got " + bits + (bits >= RsaOaep.MIN_BITS
                    ? "; make a 3072-bit pair current and keep this one to unwrap (withRetired) until rewrapAll has"
                    + " moved its keys" : ""));
        }
    }

    private static Unwrapping unwrappingOf(KekId kekId, KeyPair pair, Optional<HmacKey> rowSecret) {
        RSAPrivateKey key = (RSAPrivateKey) pair.getPrivate();
        int bits = publicOf(kekId, pair).getModulus().bitLength();
        RsaOaep.checkBits(bits);
        byte[] secret = rowSecret.map(HmacKey::bytes).orElseGet(() -> derivedRowSecret(kekId, key));
        return new Unwrapping(key, secret, bits);
    }

    private static byte[] derivedRowSecret(KekId kekId, RSAPrivateKey key) {
        BigInteger exponent;
        try {
            exponent = key.getPrivateExponent();
        } catch (RuntimeException e) {
            exponent = null;
        }
        if (exponent == null) {
            throw new IllegalArgumentException("the private key of " + kekId + " does not expose its exponent (a key in"
                    + " an HSM?): give the secret that authenticates key rows explicitly");
        }
        byte[] material = exponent.toByteArray();
        try {
            return KeyRows.rowSecret(material, "rsa-private-exponent");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    @Override
    public KekId currentKekId() {
        return kekId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        return RsaOaep.wrap(publicKey, dataKey, context);
    }

    /**
     * @throws DecryptionException if the key id is none of this provider's pairs, or the wrapped key or
     *     context was changed
     * @throws IllegalStateException if this provider is write-only
     */
    @Override
    public byte[] unwrap(KekId kekId, byte[] wrapped, byte[] context) {
        if (!canUnwrap()) {
            throw new IllegalStateException("master key " + this.kekId + " is write-only here: no private key to unwrap with");
        }
        Unwrapping pair = unwrapping.get(kekId);
        if (pair == null) {
            throw new DecryptionException();
        }
        return RsaOaep.unwrap(pair.key(), wrapped, context);
    }

    @Override
    public boolean canUnwrap() {
        return unwrapping.containsKey(kekId);
    }

    /**
     * HMAC-SHA256 under the secret of the pair {@code kekId}.
     *
     * @return the 32-byte tag; empty if this provider is write-only or does not hold that pair
     */
    @Override
    public Optional<byte[]> authenticateKeyRow(KekId kekId, byte[] row) {
        Objects.requireNonNull(row, "row");
        Unwrapping pair = unwrapping.get(Objects.requireNonNull(kekId, "kekId"));
        return pair == null ? Optional.empty() : Optional.of(HmacSha256.mac(pair.rowSecret(), row));
    }

    /** @return the current pair, then the retired ones: RSA-OAEP, no nonce bound, 3072 bits recommended */
    @Override
    public List<ProtectionProfile.MasterKey> describeMasterKeys() {
        List<ProtectionProfile.MasterKey> described = new ArrayList<>();
        described.add(new ProtectionProfile.MasterKey(kekId, ALGORITHM, publicKey.getModulus().bitLength(),
                KeyRows.RSA_RECOMMENDED_BITS, OptionalLong.empty(), true));
        unwrapping.forEach((id, pair) -> {
            if (!id.equals(kekId)) {
                described.add(new ProtectionProfile.MasterKey(id, ALGORITHM, pair.bits(), KeyRows.RSA_RECOMMENDED_BITS,
                        OptionalLong.empty(), false));
            }
        });
        return List.copyOf(described);
    }

    @Override
    public String toString() {
        List<KekId> retired = unwrapping.keySet().stream().filter(id -> !id.equals(kekId)).toList();
        return "RsaKeyEncryptionKeys[" + kekId + (canUnwrap() ? "" : ", write-only")
                + (retired.isEmpty() ? "" : ", retired " + retired) + "]";
    }
}
