package dev.consentkit.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyed hash (HMAC-SHA256, base64url without padding) of a personal value: a pseudonymous
 * subject reference, a hashed IP address, a suppressed e-mail address.
 *
 * <p>Without the host's pseudonym key the value cannot be recomputed from a guess, so it may appear
 * in audit events, logs and exports.
 *
 * @param value 43 base64url characters
 */
public record KeyedHash(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * @throws IllegalArgumentException if the value is not a base64url HMAC-SHA256
     */
    public KeyedHash {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("keyed hash must be 43 base64url characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
