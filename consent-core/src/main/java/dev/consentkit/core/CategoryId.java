package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * Identifier of a data category of the processing catalogue ({@link dev.consentkit.core.purpose.DataCategory}), as purposes, retention policies, legal holds, access grants and protected fields name it.
 *
 * <p>Ordered by {@link String#compareTo} of the value. A name the host chooses in code or configuration, never personal data. Immutable and thread-safe.
 *
 * @param value lower-case letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters, e.g. {@code contact}
 */
public record CategoryId(String value) implements Comparable<CategoryId> {
    /** Longest accepted value. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]*");

    /**
     * Validates the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public CategoryId {
        Ids.code(value, "data category id", FORM, MAX_LENGTH);
    }

    /**
     * Returns the typed value for {@code value}.
     *
     * @param value the value, e.g. {@code "contact"}
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the value is not of the accepted form
     */
    public static CategoryId of(String value) {
        return new CategoryId(value);
    }

    /** Orders by {@link String#compareTo} of the values. */
    @Override
    public int compareTo(CategoryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
