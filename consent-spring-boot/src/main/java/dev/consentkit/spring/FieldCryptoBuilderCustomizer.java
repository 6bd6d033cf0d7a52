package dev.consentkit.spring;

import dev.consentkit.crypto.FieldCrypto;

/**
 * Adjusts the {@link FieldCrypto.Builder} the auto-configuration made (fields, blind indexes, keys from
 * {@code consentkit.crypto.*}) before it is built. Beans of this type are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface FieldCryptoBuilderCustomizer {
    /**
     * @param builder the builder, with the declared fields, indexes and keys set
     */
    void customize(FieldCrypto.Builder builder);
}
