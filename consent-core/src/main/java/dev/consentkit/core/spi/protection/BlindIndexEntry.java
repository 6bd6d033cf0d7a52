package dev.consentkit.core.spi.protection;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.SubjectId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One blind-index value of a subject's field: a truncated keyed hash of the normalised value, kept
 * beside the subject and attributed to the key group whose shredding removes it.
 *
 * <p>An entry is identified by its index, version, value and subject; the group and the field say
 * where it comes from. The version is the normalisation version the value was computed with: the
 * same plaintext gives unrelated values in two versions, and a search asks each version with the
 * value computed for it, so entries of two versions never match each other's terms.
 *
 * <p>Immutable. {@link #toString()} shows the index, version, group and subject id, never the value:
 * it is derived from a personal value and, truncated, protects it only weakly.
 *
 * @param index the index name, e.g. {@code client.email}
 * @param version the normalisation version the value was computed with, 1 to {@value #MAX_VERSION}
 * @param value the index value, base64url, at most 64 characters
 * @param subject the subject whose field it indexes
 * @param group the key group of the indexed field(s), e.g. {@code contract}: shredding that group of
 *     the subject removes the entry
 * @param field the indexed field as {@code table.column}, or for an index over several fields their
 *     names joined by {@code +} (at most 8), e.g. {@code client.last_name+client.birth_date}
 */
public record BlindIndexEntry(IndexName index, int version, String value, SubjectId subject, KeyGroup group, String field) {
    /** Highest normalisation version an entry may carry. */
    public static final int MAX_VERSION = 1000;
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String ONE_FIELD = "[a-z][a-z0-9_]{0,63}\\.[a-z][a-z0-9_]{0,63}";
    private static final Pattern FIELD = Pattern.compile(ONE_FIELD + "(\\+" + ONE_FIELD + "){0,7}");

    /**
     * @throws IllegalArgumentException if the version, value or field is malformed
     * @throws NullPointerException if an argument is null
     */
    public BlindIndexEntry {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(field, "field");
        checkVersion(version);
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("blind index value must be 1 to 64 base64url characters");
        }
        checkField(field);
    }

    /**
     * @param version a normalisation version
     * @return it
     * @throws IllegalArgumentException unless it is 1 to {@value #MAX_VERSION}
     */
    public static int checkVersion(int version) {
        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalArgumentException("blind index version must be 1 to " + MAX_VERSION + ", got " + version);
        }
        return version;
    }

    /**
     * @param field an indexed field, {@code table.column}, or up to 8 of them joined by {@code +}
     * @return it
     * @throws IllegalArgumentException if it is malformed
     */
    public static String checkField(String field) {
        if (!FIELD.matcher(Objects.requireNonNull(field, "field")).matches()) {
            throw new IllegalArgumentException("an indexed field is table.column (lower case), or up to 8 of them"
                    + " joined by +");
        }
        return field;
    }

    @Override
    public String toString() {
        return "BlindIndexEntry[" + index + " v" + version + ", group " + group + ", subject " + subject + "]";
    }
}
