package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * Identifier of a processing purpose in the {@link dev.consentkit.core.purpose.ProcessingCatalog}.
 *
 * @param value lower-case letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter,
 *              at most {@value #MAX_LENGTH} characters
 */
public record PurposeId(String value) {
    /** Longest accepted id. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]*");

    /**
     * Validates the id.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public PurposeId {
        Ids.code(value, "purpose id", FORM, MAX_LENGTH);
    }

    /**
     * Returns the id for {@code value}.
     *
     * @param value the id
     * @return the typed id
     * @throws IllegalArgumentException if the value is not a valid id
     */
    public static PurposeId of(String value) {
        return new PurposeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
