package dev.consentkit.core.register;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a breach incident in the breach register: a lower-case UUID.
 *
 * @param value the UUID in its canonical lower-case form
 */
public record BreachId(String value) {
    /**
     * @throws IllegalArgumentException if not a canonical lower-case UUID
     */
    public BreachId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("breach id must be a canonical lower-case UUID");
        }
    }

    /**
     * @param value a canonical lower-case UUID
     * @return the id
     * @throws IllegalArgumentException if malformed
     */
    public static BreachId of(String value) {
        return new BreachId(value);
    }

    /** @return a new random id */
    public static BreachId random() {
        return new BreachId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
