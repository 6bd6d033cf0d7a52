package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * The name of a blind index (an equality search over a protected field by keyed hashes of its normalised value).
 *
 * <p>Ordered by {@link String#compareTo} of the value. A name the host chooses in code or configuration, never personal data. Immutable and thread-safe.
 *
 * @param value lower-case letters, digits, {@code _}, {@code .} and {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters, e.g. {@code client.email}
 */
public record IndexName(String value) implements Comparable<IndexName> {
    /** Longest accepted value. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_.-]*");

    /**
     * Validates the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public IndexName {
        Ids.code(value, "blind index name", FORM, MAX_LENGTH);
    }

    /**
     * Returns the typed value for {@code value}.
     *
     * @param value the value, e.g. {@code "client.email"}
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the value is not of the accepted form
     */
    public static IndexName of(String value) {
        return new IndexName(value);
    }

    /** Orders by {@link String#compareTo} of the values. */
    @Override
    public int compareTo(IndexName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
