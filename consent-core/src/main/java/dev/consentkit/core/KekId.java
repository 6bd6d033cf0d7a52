package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * Identifier of a key-encryption key (the master key that wraps data keys), as the key store records which key wrapped which data key; for a KMS it may be the key's ARN or resource name.
 *
 * <p>Ordered by {@link String#compareTo} of the value. A name the host chooses in code or configuration, never personal data. Immutable and thread-safe.
 *
 * @param value letters, digits, {@code .}, {@code _}, {@code :}, {@code /} and {@code -}, at most {@value #MAX_LENGTH} characters, e.g. {@code kek-2025}
 */
public record KekId(String value) implements Comparable<KekId> {
    /** Longest accepted value. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:/-]+");

    /**
     * Validates the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public KekId {
        Ids.code(value, "KEK id", FORM, MAX_LENGTH);
    }

    /**
     * Returns the typed value for {@code value}.
     *
     * @param value the value, e.g. {@code "kek-2025"}
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the value is not of the accepted form
     */
    public static KekId of(String value) {
        return new KekId(value);
    }

    /** Orders by {@link String#compareTo} of the values. */
    @Override
    public int compareTo(KekId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
