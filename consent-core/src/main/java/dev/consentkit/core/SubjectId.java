package dev.consentkit.core;

/**
 * The host's identifier of a data subject (a client id, a booking account id).
 *
 * <p>It is the host's key, not a personal value: never use an email address or a phone number as
 * a subject id. Audit events never carry it; they carry its keyed hash ({@link KeyedHash}).
 *
 * <p>The id must be well-formed UTF-16: a lone surrogate ({@code "user-\uD800"}) is refused, because
 * it would encode to the same bytes as {@code "user-?"} and so share that subject's keyed reference,
 * data keys and audit pseudonym.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters, no control characters, no surrounding blanks,
 *              no lone surrogate
 */
public record SubjectId(String value) {
    /** Longest accepted id, the column width of every store. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates the id.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is blank, too long, contains control characters or a lone
     *                                  surrogate (malformed UTF-16)
     */
    public SubjectId {
        Ids.text(value, "subject id", MAX_LENGTH);
    }

    /**
     * Returns the id for {@code value}.
     *
     * @param value the host's id
     * @return the typed id
     * @throws IllegalArgumentException if the value is not a valid id (blank, too long, control
     *                                  characters, a lone surrogate)
     */
    public static SubjectId of(String value) {
        return new SubjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
