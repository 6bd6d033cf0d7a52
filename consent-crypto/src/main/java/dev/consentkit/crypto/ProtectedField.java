package dev.consentkit.crypto;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.SubjectId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A column of the host's table that holds ciphertext: where it is, which data category it holds, and
 * under which purpose group's key it is encrypted (so withdrawing a purpose can shred just that
 * group). A value of a shredded field reads as the declared replacement, if any.
 *
 * <p>Declare every protected field to {@link FieldCrypto.Builder#fields}: the declaration is the only
 * source of a field's category (what the access policy checks) and key group. A cell is then named by
 * table and column ({@link #at}), never by handing a whole {@code ProtectedField} to an operation, so a
 * caller cannot claim another category for a declared column.
 *
 * @param table the host's table, e.g. {@code client}
 * @param column the column, e.g. {@code email}
 * @param category the data category of the catalogue, e.g. {@code CategoryId.of("contact")}
 * @param group the key group, e.g. {@code KeyGroup.of("contract")} or {@code KeyGroup.of("marketing")}
 * @param replacement what a read returns once the key is destroyed; empty to raise
 *                    {@link KeyDestroyedException} instead
 */
public record ProtectedField(String table, String column, CategoryId category, KeyGroup group, Optional<String> replacement) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the table or column is not a lower-case identifier
     */
    public ProtectedField {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(replacement, "replacement");
        checkName(table, column);
    }

    static void checkName(String table, String column) {
        if (!NAME.matcher(table).matches() || !NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("table and column must match " + NAME.pattern());
        }
    }

    /**
     * @param table the table
     * @param column the column
     * @param category the data category
     * @param group the key group
     * @return a field without a replacement value
     */
    public static ProtectedField of(String table, String column, CategoryId category, KeyGroup group) {
        return new ProtectedField(table, column, category, group, Optional.empty());
    }

    /**
     * @param value what a read returns once the key is destroyed, e.g. {@code "[erased]"}
     * @return a copy with that replacement
     */
    public ProtectedField replacedBy(String value) {
        return new ProtectedField(table, column, category, group, Optional.of(value));
    }

    /**
     * Names a cell of this field; only the table and column are kept, the category and group are
     * always those declared to {@link FieldCrypto}.
     *
     * @param rowKey the row's primary key
     * @param subject the subject the value is about
     * @return the cell, without a version
     * @throws IllegalArgumentException if the row key is blank, too long or malformed
     */
    public FieldRef at(String rowKey, SubjectId subject) {
        return new FieldRef(table, column, rowKey, subject);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
