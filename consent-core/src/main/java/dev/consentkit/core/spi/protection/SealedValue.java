package dev.consentkit.core.spi.protection;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A value a {@link FieldProtector} sealed, as the host stored it: which cell it sits in, the cell's
 * version if the value was sealed bound to one (freshness), and its ciphertext. The ciphertext never
 * appears in {@link #toString()}.
 *
 * @param table the host's table
 * @param column the host's column
 * @param rowKey the row's key, as it was bound when the value was sealed
 * @param version the cell's version the value was sealed for, as stored beside it; empty for a value
 *                sealed without one
 * @param ciphertext the sealed value in text form
 */
public record SealedValue(String table, String column, String rowKey, OptionalLong version, String ciphertext) {
    /**
     * Checks for nulls, blanks and a negative version.
     *
     * @throws IllegalArgumentException if the table, column or row key is blank, or the version negative
     */
    public SealedValue {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (table.isBlank() || column.isBlank() || rowKey.isBlank()) {
            throw new IllegalArgumentException("a sealed value names its table, column and row key");
        }
        if (version.isPresent() && version.getAsLong() < 0) {
            throw new IllegalArgumentException("a cell version is not negative");
        }
    }

    /**
     * A value sealed without a cell version.
     *
     * @param table the host's table
     * @param column the host's column
     * @param rowKey the row's key
     * @param ciphertext the sealed value in text form
     * @throws IllegalArgumentException if the table, column or row key is blank
     */
    public SealedValue(String table, String column, String rowKey, String ciphertext) {
        this(table, column, rowKey, OptionalLong.empty(), ciphertext);
    }

    @Override
    public String toString() {
        return "SealedValue[" + table + "." + column + "]";
    }
}
