package dev.consentkit.spring;

import dev.consentkit.core.HmacKey;
import java.util.Base64;
import java.util.Locale;

/** Reads the secrets of {@link ConsentKitProperties}; every message names the property, never the value. */
final class Secrets {
    private Secrets() {
    }

    /** @return the key, or a start-up failure naming the property */
    static HmacKey hmacKey(String value, String property, String what) {
        requirePresent(value, property, what + ", base64 of at least " + HmacKey.MIN_BYTES + " bytes");
        try {
            return HmacKey.fromBase64(value);
        } catch (IllegalArgumentException e) {
            throw new ConsentKitConfigurationException(property, property + " is not " + what + ": "
                    + e.getMessage() + " (base64 of at least " + HmacKey.MIN_BYTES + " bytes)");
        }
    }

    /** @return the decoded bytes, exactly {@code length} of them */
    static byte[] bytes(String value, String property, String what, int length) {
        requirePresent(value, property, what + ", base64 of " + length + " bytes");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new ConsentKitConfigurationException(property, property + " is not valid base64");
        }
        if (raw.length != length) {
            throw new ConsentKitConfigurationException(property, property + " must hold " + length
                    + " bytes, it holds " + raw.length);
        }
        return raw;
    }

    static void requirePresent(String value, String property, String what) {
        if (value == null || value.isBlank()) {
            throw new ConsentKitConfigurationException(property, property + " is not set: ConsentKit needs " + what
                    + ". Give it through the environment (" + environmentName(property)
                    + ") or another property source, never in a file under version control");
        }
    }

    /** {@code consentkit.crypto.master-key} becomes {@code CONSENTKIT_CRYPTO_MASTERKEY}, as Spring's relaxed binding reads it. */
    static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
