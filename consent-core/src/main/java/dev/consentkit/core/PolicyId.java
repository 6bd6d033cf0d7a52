package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * Identifier of a retention policy, as destruction acts and disposal markers name it; by default {@code <purpose>.<category>}.
 *
 * <p>Ordered by {@link String#compareTo} of the value. A name the host chooses in code or configuration, never personal data. Immutable and thread-safe.
 *
 * @param value lower-case letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters, e.g. {@code invoicing.billing}
 */
public record PolicyId(String value) implements Comparable<PolicyId> {
    /** Longest accepted value. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]*");

    /**
     * Validates the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public PolicyId {
        Ids.code(value, "retention policy id", FORM, MAX_LENGTH);
    }

    /**
     * Returns the typed value for {@code value}.
     *
     * @param value the value, e.g. {@code "invoicing.billing"}
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the value is not of the accepted form
     */
    public static PolicyId of(String value) {
        return new PolicyId(value);
    }

    /** Orders by {@link String#compareTo} of the values. */
    @Override
    public int compareTo(PolicyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
