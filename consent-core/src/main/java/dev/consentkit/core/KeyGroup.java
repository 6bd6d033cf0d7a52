package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * A key group of field protection: the fields of one group of a subject are encrypted under one data key, and shredding the group destroys that key (and the blind-index values attributed to it).
 *
 * <p>Ordered by {@link String#compareTo} of the value. A name the host chooses in code or configuration, never personal data. Immutable and thread-safe.
 *
 * @param value lower-case letters, digits, {@code _} and {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters, e.g. {@code marketing}
 */
public record KeyGroup(String value) implements Comparable<KeyGroup> {
    /** Longest accepted value. */
    public static final int MAX_LENGTH = 32;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_-]*");

    /**
     * Validates the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public KeyGroup {
        Ids.code(value, "key group", FORM, MAX_LENGTH);
    }

    /**
     * Returns the typed value for {@code value}.
     *
     * @param value the value, e.g. {@code "marketing"}
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the value is not of the accepted form
     */
    public static KeyGroup of(String value) {
        return new KeyGroup(value);
    }

    /** Orders by {@link String#compareTo} of the values. */
    @Override
    public int compareTo(KeyGroup other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
