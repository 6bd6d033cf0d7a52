package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.internal.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Master keys held in this process: the current one, which wraps new data keys, and earlier ones,
 * which still unwrap keys not yet rewrapped after a rotation. Wrapping is AES-256-GCM with a random
 * nonce and the key's context as associated data; with random 96-bit nonces one master key should wrap
 * at most 2^32 data keys (NIST SP 800-38D §8.3), which the compliance check {@code key.master} watches.
 *
 * <p>Data-key rows are authenticated ({@link #authenticateKeyRow}) with HMAC-SHA256 under a secret
 * derived (HKDF-SHA256) from the master key the row is wrapped under.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids only.
 */
public final class LocalKeyEncryptionKeys implements KeyEncryptionKeyProvider {
    private static final int NONCE = 12;
    private final String currentId;
    private final KekId currentKekId;
    private final Map<String, byte[]> keys;
    /** Per master key, the secret that authenticates the data-key rows wrapped under it. */
    private final Map<String, byte[]> rowSecrets = new LinkedHashMap<>();
    /** The key file this provider was opened from, if any, as it was then. */
    private final Optional<KeyFile.State> file;
    private final SecureRandom random = new SecureRandom();

    private LocalKeyEncryptionKeys(String currentId, Map<String, byte[]> keys, Optional<KeyFile.State> file) {
        this.currentId = currentId;
        this.currentKekId = KekId.of(currentId);
        this.keys = keys;
        this.file = file;
        keys.forEach((id, key) -> rowSecrets.put(id, KeyRows.rowSecret(key, "aes-256-gcm")));
    }

    /**
     * @param kekId the key's id, stored beside every key it wraps
     * @param key 32 bytes, copied
     * @return a provider with one key
     * @throws IllegalArgumentException if the key is not 32 bytes
     * @throws NullPointerException if an argument is null
     */
    public static LocalKeyEncryptionKeys of(KekId kekId, byte[] key) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(Objects.requireNonNull(kekId, "kekId").value(), checkKey(key));
        return new LocalKeyEncryptionKeys(kekId.value(), keys, Optional.empty());
    }

    /**
     * @param kekId the new current key's id
     * @param key the new current key, 32 bytes
     * @return a provider whose current key is the new one, still able to unwrap with the others
     * @throws IllegalArgumentException if the id is already in use here or the key is not 32 bytes
     * @throws NullPointerException if an argument is null
     */
    public LocalKeyEncryptionKeys rotateTo(KekId kekId, byte[] key) {
        Map<String, byte[]> copy = new LinkedHashMap<>(keys);
        if (copy.putIfAbsent(Objects.requireNonNull(kekId, "kekId").value(), checkKey(key)) != null) {
            throw new IllegalArgumentException("KEK id " + kekId + " is already in use");
        }
        return new LocalKeyEncryptionKeys(kekId.value(), copy, Optional.empty());
    }

    /** Several keys at once (a key file's); every key is copied. */
    static LocalKeyEncryptionKeys of(String currentId, Map<String, byte[]> keys, Optional<KeyFile.State> file) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> copy.put(checkId(id), checkKey(key)));
        if (!copy.containsKey(currentId)) {
            throw new IllegalArgumentException("the current KEK id " + currentId + " names none of the keys");
        }
        return new LocalKeyEncryptionKeys(currentId, copy, file);
    }

    /** @return the key file this provider was opened from, as it was then; empty if none */
    Optional<KeyFile.State> keyFile() {
        return file;
    }

    /** @return the ids of every master key held, as stored (their values) */
    java.util.Set<String> kekIds() {
        return keys.keySet();
    }

    static KekId fingerprintId(String prefix, byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(concat("ck/v1/kek-id".getBytes(StandardCharsets.UTF_8), key));
            return KekId.of(prefix + "-" + HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A KEK id read as text (from a key file), validated as {@link KekId} validates it. */
    static String checkId(String id) {
        return KekId.of(id).value();
    }

    private static byte[] checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("a KEK must have 32 bytes");
        }
        return key.clone();
    }

    @Override
    public KekId currentKekId() {
        return currentKekId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        return concat(nonce, AesGcm.seal(keys.get(currentId), nonce, context, dataKey));
    }

    @Override
    public byte[] unwrap(KekId kekId, byte[] wrapped, byte[] context) {
        byte[] kek = keys.get(Objects.requireNonNull(kekId, "kekId").value());
        if (kek == null || wrapped.length <= NONCE) {
            throw new DecryptionException();
        }
        return AesGcm.open(kek, Arrays.copyOf(wrapped, NONCE), context, Arrays.copyOfRange(wrapped, NONCE, wrapped.length));
    }

    /**
     * HMAC-SHA256 under a secret derived from the master key {@code kekId}.
     *
     * @return the 32-byte tag; empty if this provider does not hold {@code kekId}
     */
    @Override
    public Optional<byte[]> authenticateKeyRow(KekId kekId, byte[] row) {
        Objects.requireNonNull(row, "row");
        byte[] secret = rowSecrets.get(Objects.requireNonNull(kekId, "kekId").value());
        return secret == null ? Optional.empty() : Optional.of(HmacSha256.mac(secret, row));
    }

    /** @return every master key held, the current one first: AES-256-GCM, bound 2^32 wraps each */
    @Override
    public List<ProtectionProfile.MasterKey> describeMasterKeys() {
        List<ProtectionProfile.MasterKey> described = new ArrayList<>();
        described.add(describe(currentId));
        keys.keySet().stream().filter(id -> !id.equals(currentId)).forEach(id -> described.add(describe(id)));
        return List.copyOf(described);
    }

    private ProtectionProfile.MasterKey describe(String id) {
        return new ProtectionProfile.MasterKey(KekId.of(id), "AES-256-GCM", 256, 256, OptionalLong.of(KeyRows.AES_GCM_WRAP_LIMIT),
                id.equals(currentId));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "LocalKeyEncryptionKeys[current " + currentId + ", " + keys.keySet() + "]";
    }
}
