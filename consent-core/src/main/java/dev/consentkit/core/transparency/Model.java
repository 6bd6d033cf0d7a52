package dev.consentkit.core.transparency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values of one template scope, checked against its {@link Schema} as they are set. */
final class Model {
    private final Schema schema;
    private final Map<String, Object> values = new HashMap<>();

    Model(Schema schema) {
        this.schema = schema;
    }

    Model text(String name, String value) {
        return put(name, Schema.Kind.TEXT, value == null || value.isBlank() ? null : value);
    }

    Model flag(String name, boolean value) {
        return put(name, Schema.Kind.FLAG, value);
    }

    Model list(String name, List<Model> items) {
        return put(name, Schema.Kind.LIST, List.copyOf(items));
    }

    Schema schema() {
        return schema;
    }

    boolean declares(String name) {
        return schema.field(name).isPresent();
    }

    Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("template field '" + name + "' was given no value");
        }
        return values.get(name);
    }

    private Model put(String name, Schema.Kind kind, Object value) {
        Schema.Field f = schema.field(name).orElseThrow(() ->
                new IllegalStateException("template field '" + name + "' is not declared"));
        if (f.kind() != kind) {
            throw new IllegalStateException("template field '" + name + "' is a " + f.kind() + ", not a " + kind);
        }
        values.put(name, value);
        return this;
    }
}
