package dev.consentkit.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link FieldProtector} encrypts and how, for the register of processing, the privacy policy
 * and the compliance report. Contains no key material.
 *
 * @param suite the cipher suite new values are sealed with, e.g. {@code "AES-256-GCM"}
 * @param keyHierarchy a short description of the keys, e.g. {@code "per-subject 256-bit data keys wrapped by a master key"}
 * @param fields the protected fields
 */
public record ProtectionProfile(String suite, String keyHierarchy, List<Field> fields) {
    /** Checks for nulls and copies the list. */
    public ProtectionProfile {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(keyHierarchy, "keyHierarchy");
        fields = List.copyOf(fields);
    }

    /**
     * One encrypted column.
     *
     * @param table the host's table
     * @param column the host's column
     * @param category the data category id of the catalogue
     * @param group the key group (a subject's key per group; shredding a group erases its fields)
     */
    public record Field(String table, String column, String category, String group) {
        /** Checks for nulls. */
        public Field {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(group, "group");
        }
    }
}
