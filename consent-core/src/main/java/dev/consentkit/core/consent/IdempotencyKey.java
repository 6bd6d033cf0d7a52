package dev.consentkit.core.consent;

import dev.consentkit.core.internal.Utf8;
import java.util.Objects;

/**
 * A caller-chosen key that makes a capture idempotent: a second submission with the same key and
 * the same content records nothing new; with different content it is refused.
 *
 * @param value 1 to {@value #MAX_LENGTH} printable characters, no lone surrogate (malformed UTF-16)
 */
public record IdempotencyKey(String value) {
    /** Longest accepted key. */
    public static final int MAX_LENGTH = 128;

    /**
     * @throws IllegalArgumentException if blank, too long, with control characters or a lone surrogate
     */
    public IdempotencyKey {
        Objects.requireNonNull(value, "idempotency key");
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("idempotency key must have 1 to " + MAX_LENGTH + " printable characters");
        }
        Utf8.requireWellFormed(value, "idempotency key");
    }

    /**
     * @param value the key
     * @return the typed key
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
