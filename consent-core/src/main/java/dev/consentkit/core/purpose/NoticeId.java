package dev.consentkit.core.purpose;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifier of a {@link Notice}, stable across its versions.
 *
 * @param value lower-case code, at most 64 characters
 */
public record NoticeId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    /**
     * @throws IllegalArgumentException if not a lower-case code of at most 64 characters
     */
    public NoticeId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("notice id must match " + FORM.pattern());
        }
    }

    /**
     * @param value the id
     * @return the typed id
     */
    public static NoticeId of(String value) {
        return new NoticeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
