package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON object being read, with its path from the document root. Every failure becomes a
 * {@link ConsentJsonException} naming the field's path and what was expected, never the value.
 * A field holding JSON {@code null} counts as absent. Immutable.
 */
final class JsonIn {
    private final JsonNode node;
    private final String path;

    private JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonIn root(JsonNode node) {
        if (!node.isObject()) {
            throw new ConsentJsonException("$", "expected a JSON object");
        }
        return new JsonIn(node, "$");
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    ConsentJsonException invalid(String field, String expected) {
        return new ConsentJsonException(path(field), "expected " + expected);
    }

    private Optional<JsonNode> find(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private JsonNode require(String field) {
        return find(field).orElseThrow(() -> new ConsentJsonException(path(field), "missing required field"));
    }

    String text(String field) {
        return string(field, require(field));
    }

    Optional<String> optText(String field) {
        return find(field).map(v -> string(field, v));
    }

    private String string(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw invalid(field, "a string");
        }
        return value.textValue();
    }

    /**
     * @param expected what a valid value looks like, e.g. "an ISO-8601 instant"
     * @param parse turns the text into a value; its {@link IllegalArgumentException} or
     *              {@link DateTimeException} is reported without its message, which may echo the value
     */
    <T> T text(String field, String expected, Function<String, T> parse) {
        return parse(field, text(field), expected, parse);
    }

    <T> Optional<T> optText(String field, String expected, Function<String, T> parse) {
        return optText(field).map(t -> parse(field, t, expected, parse));
    }

    private <T> T parse(String field, String text, String expected, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid(field, expected);
        }
    }

    /** @return whether the field is present and not null */
    boolean has(String field) {
        return find(field).isPresent();
    }

    boolean bool(String field) {
        JsonNode value = require(field);
        if (!value.isBoolean()) {
            throw invalid(field, "true or false");
        }
        return value.booleanValue();
    }

    long integer(String field) {
        JsonNode value = require(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field, "an integer");
        }
        return value.longValue();
    }

    JsonIn object(String field) {
        return object(field, require(field));
    }

    Optional<JsonIn> optObject(String field) {
        return find(field).map(v -> object(field, v));
    }

    private JsonIn object(String field, JsonNode value) {
        if (!value.isObject()) {
            throw invalid(field, "an object");
        }
        return new JsonIn(value, path(field));
    }

    List<JsonIn> objects(String field) {
        JsonNode array = array(field);
        List<JsonIn> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw invalid(field + "[" + i + "]", "an object");
            }
            items.add(new JsonIn(item, path(field) + "[" + i + "]"));
        }
        return items;
    }

    List<String> texts(String field) {
        JsonNode array = array(field);
        List<String> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw invalid(field + "[" + i + "]", "a string");
            }
            items.add(item.textValue());
        }
        return items;
    }

    private JsonNode array(String field) {
        JsonNode value = require(field);
        if (!value.isArray()) {
            throw invalid(field, "an array");
        }
        return value;
    }

    /**
     * Creates a domain value from fields read already; a rule it breaks is reported at this object's
     * path with the domain's message, which by the project's rule names fields and limits only.
     */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new ConsentJsonException(path, e.getMessage());
        }
    }

    /**
     * Reads an object whose every member is a string, keeping the members' order (subject exports).
     */
    java.util.Map<String, String> textMap(String field) {
        JsonNode value = require(field);
        if (!value.isObject()) {
            throw invalid(field, "an object of strings");
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new ConsentJsonException(path(field) + "[" + out.size() + "]", "expected a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }
}
