package dev.consentkit.crypto;

import dev.consentkit.core.SubjectId;
import java.util.Objects;

/**
 * One cell: a protected field of one row, belonging to one subject. The ciphertext is bound to all
 * three, so a value copied to another row, column or subject does not decrypt.
 *
 * @param field the field
 * @param rowKey the row's primary key (or a client-made UUID for rows not inserted yet)
 * @param subject the subject the value is about
 */
public record FieldRef(ProtectedField field, String rowKey, SubjectId subject) {
    /**
     * @throws IllegalArgumentException if the row key is blank or longer than 128 characters
     */
    public FieldRef {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(subject, "subject");
        if (rowKey.isBlank() || rowKey.length() > 128) {
            throw new IllegalArgumentException("row key must have 1 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return field + "[" + rowKey + "]";
    }
}
