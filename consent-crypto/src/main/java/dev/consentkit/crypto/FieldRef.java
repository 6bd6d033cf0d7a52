package dev.consentkit.crypto;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.internal.Utf8;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One cell: a protected field of one row, belonging to one subject, and optionally the cell's
 * version. The ciphertext is bound to all of them, so a value copied to another row, column or
 * subject — or, with a version, written back over a newer value of its own cell — does not open.
 *
 * <p>The field is named by its table and column only. Its data category and key group are never taken
 * from the caller: {@link FieldCrypto} looks them up among the fields declared to it
 * ({@link FieldCrypto.Builder#fields}) and refuses a field that was not declared. Make one with
 * {@link ProtectedField#at}: {@code EMAIL.at(clientId, subject)}.
 *
 * <p><b>Freshness.</b> With a version ({@link #atVersion}) the value is sealed bound to it: it opens
 * only for that same version. Keep a number beside the cell that changes every time the cell is
 * written (a per-column counter, or the row's version if every write of the row seals its protected
 * cells again), seal the new value for the new number, and open with the number read from the same
 * row. An earlier ciphertext written back into the cell then fails to open, even after a data-key
 * rotation. What it does not stop: an attacker who writes the old version number back together with
 * the old ciphertext (a rollback of the whole row), since the kit cannot know which number is current.
 * See {@code docs/security.md}, "Stale values (freshness)".
 *
 * <p>Immutable and thread-safe.
 *
 * @param table the host's table, as declared
 * @param column the column, as declared
 * @param rowKey the row's primary key (or a client-made UUID for rows not inserted yet)
 * @param subject the subject the value is about
 * @param version the cell's version the value is sealed for; empty for a value without freshness binding
 */
public record FieldRef(String table, String column, String rowKey, SubjectId subject, OptionalLong version) {
    /** Longest row key. */
    public static final int MAX_ROW_KEY_LENGTH = 128;

    /**
     * @throws IllegalArgumentException if the table or column is not a lower-case identifier, the row
     *     key is blank, longer than {@value #MAX_ROW_KEY_LENGTH} characters or not well-formed UTF-16,
     *     or the version is negative
     */
    public FieldRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(version, "version");
        ProtectedField.checkName(table, column);
        if (rowKey.isBlank() || rowKey.length() > MAX_ROW_KEY_LENGTH) {
            throw new IllegalArgumentException("row key must have 1 to " + MAX_ROW_KEY_LENGTH + " characters");
        }
        Utf8.requireWellFormed(rowKey, "row key");
        if (version.isPresent() && version.getAsLong() < 0) {
            throw new IllegalArgumentException("a cell version is not negative");
        }
    }

    /**
     * A cell without freshness binding.
     *
     * @param table the host's table, as declared
     * @param column the column, as declared
     * @param rowKey the row's primary key
     * @param subject the subject the value is about
     * @throws IllegalArgumentException as the canonical constructor
     */
    public FieldRef(String table, String column, String rowKey, SubjectId subject) {
        this(table, column, rowKey, subject, OptionalLong.empty());
    }

    /**
     * @param cellVersion the cell's version, 0 or more, as stored beside the value
     * @return the same cell bound to that version
     * @throws IllegalArgumentException if the version is negative
     */
    public FieldRef atVersion(long cellVersion) {
        return new FieldRef(table, column, rowKey, subject, OptionalLong.of(cellVersion));
    }

    /** @return {@code table.column}, the key of the declared field */
    public String field() {
        return table + "." + column;
    }

    /** Names the cell without the subject (an id, but the subject appears in audit only as a keyed hash). */
    @Override
    public String toString() {
        return field() + "[" + rowKey + "]" + (version.isPresent() ? "@v" + version.getAsLong() : "");
    }
}
