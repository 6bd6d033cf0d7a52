package dev.consentkit.core.transparency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The fields a template may name: texts, flags and lists of nested records. Immutable once built. */
final class Schema {
    enum Kind { TEXT, FLAG, LIST }

    record Field(Kind kind, Schema item) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    Schema text(String... names) {
        for (String n : names) {
            fields.put(n, new Field(Kind.TEXT, null));
        }
        return this;
    }

    Schema flag(String... names) {
        for (String n : names) {
            fields.put(n, new Field(Kind.FLAG, null));
        }
        return this;
    }

    Schema list(String name, Schema item) {
        fields.put(name, new Field(Kind.LIST, Objects.requireNonNull(item)));
        return this;
    }

    Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    Map<String, Field> fields() {
        return fields;
    }
}
