package dev.consentkit.crypto;

import dev.consentkit.core.SubjectId;
import java.util.Objects;

/**
 * One row of a {@link PlaintextColumn}. The value never appears in {@link #toString()}.
 *
 * @param rowKey the row's key, bound into the sealed value
 * @param subject the subject the value is about
 * @param value the stored value: plaintext, already a ConsentKit ciphertext, or null for none
 */
public record ColumnRow(String rowKey, SubjectId subject, String value) {
    /**
     * @throws NullPointerException if the row key or subject is null
     */
    public ColumnRow {
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return "ColumnRow[" + rowKey + "]";
    }
}
