package dev.consentkit.core.spi;

import dev.consentkit.core.SubjectId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One blind-index value of a subject's field: a truncated keyed hash of the normalised value, kept
 * beside the subject so that erasure removes it.
 *
 * <p>Immutable. {@link #toString()} shows the index name and the subject id, never the value: it is
 * derived from a personal value and, truncated, protects it only weakly.
 *
 * @param index the index name, e.g. {@code client.email}
 * @param value the index value, base64url, at most 64 characters
 * @param subject the subject whose field it indexes
 */
public record BlindIndexEntry(String index, String value, SubjectId subject) {
    private static final Pattern INDEX = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * @throws IllegalArgumentException if the index name or value is malformed
     */
    public BlindIndexEntry {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(subject, "subject");
        if (!INDEX.matcher(index).matches()) {
            throw new IllegalArgumentException("blind index name must match " + INDEX.pattern());
        }
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("blind index value must be 1 to 64 base64url characters");
        }
    }

    @Override
    public String toString() {
        return "BlindIndexEntry[" + index + ", subject " + subject + "]";
    }
}
