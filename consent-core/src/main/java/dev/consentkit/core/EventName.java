package dev.consentkit.core;

import java.util.regex.Pattern;

/**
 * The name of an event a retention period is counted from: a business event the host reports ({@code booking.ended}), or one the kit keeps itself ({@code interaction}, {@code purpose-ended.<purpose id>}).
 *
 * <p>Ordered by {@link String#compareTo} of the value. A name the host chooses in code or configuration, never personal data. Immutable and thread-safe.
 *
 * @param value lower-case letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters, e.g. {@code booking.ended}
 */
public record EventName(String value) implements Comparable<EventName> {
    /** Longest accepted value. */
    public static final int MAX_LENGTH = 80;
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]*");

    /**
     * Validates the value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long or not of the accepted form
     */
    public EventName {
        Ids.code(value, "retention event name", FORM, MAX_LENGTH);
    }

    /**
     * Returns the typed value for {@code value}.
     *
     * @param value the value, e.g. {@code "booking.ended"}
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the value is not of the accepted form
     */
    public static EventName of(String value) {
        return new EventName(value);
    }

    /** Orders by {@link String#compareTo} of the values. */
    @Override
    public int compareTo(EventName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
