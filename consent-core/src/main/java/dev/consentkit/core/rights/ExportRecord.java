package dev.consentkit.core.rights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record of an export section, its protected fields already opened. {@link #toString()} shows
 * field names only.
 *
 * @param values field name to value, in the contributor's order; a protected field whose key was
 *               destroyed and that declares no replacement is absent here and named in {@code unreadable}
 * @param protectedFields the names of fields that were stored sealed
 * @param unreadable the names of sealed fields that could not be opened (key destroyed)
 */
public record ExportRecord(Map<String, String> values, Set<String> protectedFields, Set<String> unreadable) {
    /**
     * Copies the collections, keeping their order.
     *
     * @throws IllegalArgumentException if a field name is malformed, an unreadable field is not
     *                                  protected, or has a value
     */
    public ExportRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        protectedFields = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(protectedFields, "protectedFields")));
        unreadable = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(unreadable, "unreadable")));
        values.forEach((k, v) -> {
            ExportNames.field(k);
            Objects.requireNonNull(v, "value");
        });
        protectedFields.forEach(ExportNames::field);
        for (String u : unreadable) {
            if (!protectedFields.contains(u) || values.containsKey(u)) {
                throw new IllegalArgumentException("unreadable field " + u + " must be protected and have no value");
            }
        }
    }

    @Override
    public String toString() {
        return "ExportRecord" + values.keySet();
    }
}
