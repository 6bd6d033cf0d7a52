package dev.consentkit.crypto.internal;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed value lives: its table, column, row key and the pseudonymous reference of the subject
 * it belongs to. All four are bound into the associated data, so a value copied to another row, column,
 * table or subject no longer opens. Not API.
 *
 * <p>Immutable and thread-safe. Each part is a non-empty, well-formed string: a lone surrogate would
 * encode to the same UTF-8 bytes as {@code "?"}, so two different contexts could share one AAD.
 * {@code rowKey} and {@code subjectRef} are identifiers, never personal values.
 *
 * @param table the table name
 * @param column the column name
 * @param rowKey the row's primary key, as text
 * @param subjectRef the subject's pseudonymous reference
 */
public record FieldContext(String table, String column, String rowKey, String subjectRef) {

    /**
     * @throws IllegalArgumentException if a part is empty or not well-formed UTF-16
     * @throws NullPointerException if a part is null
     */
    public FieldContext {
        check(table, "table");
        check(column, "column");
        check(rowKey, "rowKey");
        check(subjectRef, "subjectRef");
    }

    private static void check(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not well-formed UTF-16 (lone surrogate)");
        }
    }
}
