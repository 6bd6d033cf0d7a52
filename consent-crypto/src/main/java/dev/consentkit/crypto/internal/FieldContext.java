package dev.consentkit.crypto.internal;

import dev.consentkit.core.internal.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a sealed value lives: its table, column, row key and the pseudonymous reference of the subject
 * it belongs to, and optionally the cell's version. All of them are bound into the associated data, so
 * a value copied to another row, column, table or subject no longer opens, nor — with a version — an
 * earlier value of the same cell written back over a newer one. Not API.
 *
 * <p>Immutable and thread-safe. Each part is a non-empty, well-formed string: a lone surrogate would
 * encode to the same UTF-8 bytes as {@code "?"}, so two different contexts could share one AAD.
 * {@code rowKey} and {@code subjectRef} are identifiers, never personal values. The context encodes
 * its part of the associated data once, when it is made (see {@link Aad}), so a context kept for many
 * values costs nothing per value.
 */
public final class FieldContext {
    private final String table;
    private final String column;
    private final String rowKey;
    private final String subjectRef;
    private final OptionalLong version;
    /**
     * {@code "ck/v1" || lp(table) || lp(column) || lp(rowKey) || lp(subjectRef)}, then
     * {@code || lp(version)} for a versioned cell; never handed out.
     */
    private final byte[] aadPrefix;

    /**
     * @param table the table name
     * @param column the column name
     * @param rowKey the row's primary key, as text
     * @param subjectRef the subject's pseudonymous reference
     * @throws IllegalArgumentException if a part is empty or not well-formed UTF-16
     * @throws NullPointerException if a part is null
     */
    public FieldContext(String table, String column, String rowKey, String subjectRef) {
        this(table, column, rowKey, subjectRef, OptionalLong.empty());
    }

    /**
     * @param table the table name
     * @param column the column name
     * @param rowKey the row's primary key, as text
     * @param subjectRef the subject's pseudonymous reference
     * @param version the cell's version, bound as its decimal digits; empty for a cell without one
     * @throws IllegalArgumentException if a part is empty or not well-formed UTF-16, or the version is negative
     * @throws NullPointerException if a part is null
     */
    public FieldContext(String table, String column, String rowKey, String subjectRef, OptionalLong version) {
        Objects.requireNonNull(version, "version");
        if (version.isPresent() && version.getAsLong() < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        byte[][] parts = {
            utf8(table, "table"), utf8(column, "column"), utf8(rowKey, "rowKey"), utf8(subjectRef, "subjectRef")
        };
        if (version.isPresent()) {
            parts = java.util.Arrays.copyOf(parts, 5);
            parts[4] = Long.toString(version.getAsLong()).getBytes(StandardCharsets.US_ASCII);
        }
        this.table = table;
        this.column = column;
        this.rowKey = rowKey;
        this.subjectRef = subjectRef;
        this.version = version;
        this.aadPrefix = Aad.prefix(parts);
    }

    private static byte[] utf8(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (isAscii(value)) {
            return value.getBytes(StandardCharsets.US_ASCII);
        }
        return Utf8.encode(value, name);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** @return the table name */
    public String table() {
        return table;
    }

    /** @return the column name */
    public String column() {
        return column;
    }

    /** @return the row's primary key, as text */
    public String rowKey() {
        return rowKey;
    }

    /** @return the subject's pseudonymous reference */
    public String subjectRef() {
        return subjectRef;
    }

    /** @return the cell's version, if the value is bound to one */
    public OptionalLong version() {
        return version;
    }

    /** The encoded associated data without the header; not copied, so callers in this package must not write to it. */
    byte[] aadPrefix() {
        return aadPrefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldContext c && table.equals(c.table) && column.equals(c.column)
                && rowKey.equals(c.rowKey) && subjectRef.equals(c.subjectRef) && version.equals(c.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, column, rowKey, subjectRef, version);
    }

    @Override
    public String toString() {
        return "FieldContext[table=" + table + ", column=" + column + ", rowKey=" + rowKey + ", subjectRef=" + subjectRef
                + (version.isPresent() ? ", version=" + version.getAsLong() : "") + "]";
    }
}
