package dev.consentkit.spring;

import dev.consentkit.core.KekId;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.crypto.BlindIndex;
import dev.consentkit.crypto.CompoundBlindIndex;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.KeyEncryptionKeyProvider;
import dev.consentkit.crypto.KeyFile;
import dev.consentkit.crypto.LocalKeyEncryptionKeys;
import dev.consentkit.crypto.ProtectedField;
import dev.consentkit.crypto.spec.Suite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Field encryption when the application declares protected fields ({@link ProtectedField} beans, and
 * {@link BlindIndex} / {@link CompoundBlindIndex} beans over them): a {@link FieldCrypto} with the
 * master key from a {@link KeyEncryptionKeyProvider} bean, {@code consentkit.crypto.master-key} or
 * {@code consentkit.crypto.key-file}, and the blind-index key from
 * {@code consentkit.crypto.blind-index-key}. The access policy is the kit's: an {@link AccessPolicy} bean,
 * which {@link ConsentKitAutoConfiguration} gives the kit (a kit of the application's own must be built with
 * one, {@code ConsentKit.Builder.accessPolicy}).
 */
@AutoConfiguration(after = ConsentKitAutoConfiguration.class)
@ConditionalOnBean({ConsentKit.class, ProtectedField.class})
public class FieldCryptoAutoConfiguration {
    /** Made by Spring. */
    public FieldCryptoAutoConfiguration() {
    }

    /**
     * @param kit the kit
     * @param fields the declared protected fields
     * @param indexes the declared blind indexes
     * @param compoundIndexes the declared compound blind indexes
     * @param keys the application's master-key provider (a KMS), if any
     * @param customizers applied before building
     * @param properties the settings
     * @return the field crypto
     * @throws ConsentKitConfigurationException if the master key or the blind-index key is missing or
     *     malformed, naming the property
     */
    @Bean
    @ConditionalOnMissingBean
    public FieldCrypto fieldCrypto(ConsentKit kit, ObjectProvider<ProtectedField> fields,
                                   ObjectProvider<BlindIndex> indexes, ObjectProvider<CompoundBlindIndex> compoundIndexes,
                                   ObjectProvider<KeyEncryptionKeyProvider> keys,
                                   ObjectProvider<FieldCryptoBuilderCustomizer> customizers, ConsentKitProperties properties) {
        ConsentKitProperties.Crypto crypto = properties.getCrypto();
        FieldCrypto.Builder builder = FieldCrypto.builder(kit)
                .keyEncryptionKeys(keys.getIfAvailable(() -> masterKeys(crypto)))
                .blindIndexKey(Secrets.hmacKey(crypto.getBlindIndexKey(), "consentkit.crypto.blind-index-key",
                        "the root key of the blind indexes"))
                .suite(suite(crypto.getSuite()))
                .fields(fields.orderedStream().toArray(ProtectedField[]::new));
        try {
            builder.keyCacheTtl(crypto.getKeyCacheTtl());
        } catch (IllegalArgumentException e) {
            throw new ConsentKitConfigurationException("consentkit.crypto.key-cache-ttl",
                    "consentkit.crypto.key-cache-ttl: " + e.getMessage());
        }
        indexes.orderedStream().forEach(builder::blindIndex);
        compoundIndexes.orderedStream().forEach(builder::blindIndex);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /** The master keys from the properties: a key, or a key file. */
    static KeyEncryptionKeyProvider masterKeys(ConsentKitProperties.Crypto crypto) {
        if (crypto.getKeyFile() != null) {
            if (crypto.getMasterKey() != null) {
                throw new ConsentKitConfigurationException("consentkit.crypto.key-file",
                        "consentkit.crypto.key-file and consentkit.crypto.master-key are both set: give one");
            }
            Secrets.requirePresent(crypto.getKeyFilePassphrase(), "consentkit.crypto.key-file-passphrase",
                    "the passphrase of consentkit.crypto.key-file");
            return KeyFile.open(crypto.getKeyFile(), crypto.getKeyFilePassphrase().toCharArray());
        }
        if (crypto.getMasterKey() == null || crypto.getMasterKey().isBlank()) {
            throw new ConsentKitConfigurationException("consentkit.crypto.master-key", "consentkit.crypto.master-key is"
                    + " not set: protected fields are declared, so ConsentKit needs a master key — base64 of 32 bytes"
                    + " through the environment (" + Secrets.environmentName("consentkit.crypto.master-key")
                    + "), or consentkit.crypto.key-file, or a KeyEncryptionKeyProvider bean");
        }
        byte[] key = Secrets.bytes(crypto.getMasterKey(), "consentkit.crypto.master-key", "the master key", 32);
        String id = crypto.getMasterKeyId() != null ? crypto.getMasterKeyId() : environmentKekId(key);
        try {
            return LocalKeyEncryptionKeys.of(KekId.of(id), key);
        } catch (IllegalArgumentException e) {
            throw new ConsentKitConfigurationException("consentkit.crypto.master-key-id",
                    "consentkit.crypto.master-key-id is malformed: " + e.getMessage());
        }
    }

    /**
     * The id {@code KeyEncryptionKeyProvider.fromEnvironment} gives the same key ({@code env-} and the
     * first 6 bytes of SHA-256 over a label and the key, in hex), so that moving the key from an
     * environment variable read by the kit to Spring's properties keeps every data key unwrappable.
     */
    static String environmentKekId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("ck/v1/kek-id".getBytes(StandardCharsets.UTF_8));
            return "env-" + HexFormat.of().formatHex(sha.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static Suite suite(String name) {
        String normal = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Suite s : Suite.values()) {
            if (s.name().equals(normal)) {
                return s;
            }
        }
        throw new ConsentKitConfigurationException("consentkit.crypto.suite",
                "consentkit.crypto.suite must be AES_256_GCM or XCHACHA20_POLY1305");
    }
}
