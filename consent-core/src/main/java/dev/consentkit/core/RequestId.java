package dev.consentkit.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a subject request: a random UUID, safe to show the subject as a reference number.
 *
 * @param value the UUID
 */
public record RequestId(UUID value) {
    /** Checks for null. */
    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    /**
     * @param text a UUID in its canonical text form
     * @return the id
     * @throws IllegalArgumentException if it is not a UUID
     */
    public static RequestId of(String text) {
        Objects.requireNonNull(text, "text");
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return new RequestId(uuid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a request id is a UUID like 123e4567-e89b-12d3-a456-426614174000", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
