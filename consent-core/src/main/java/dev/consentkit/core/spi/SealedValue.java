package dev.consentkit.core.spi;

import java.util.Objects;

/**
 * A value a {@link FieldProtector} sealed, as the host stored it: which cell it sits in and its
 * ciphertext. The ciphertext never appears in {@link #toString()}.
 *
 * @param table the host's table
 * @param column the host's column
 * @param rowKey the row's key, as it was bound when the value was sealed
 * @param ciphertext the sealed value in text form
 */
public record SealedValue(String table, String column, String rowKey, String ciphertext) {
    /** Checks for nulls and blanks. */
    public SealedValue {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (table.isBlank() || column.isBlank() || rowKey.isBlank()) {
            throw new IllegalArgumentException("a sealed value names its table, column and row key");
        }
    }

    @Override
    public String toString() {
        return "SealedValue[" + table + "." + column + "]";
    }
}
