package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small JSON Schema (draft 2020-12) validator for the keywords ConsentKit's schemas use: type,
 * const, enum, required, properties, additionalProperties, items, pattern, format date-time and local
 * $ref into $defs. Any other keyword is an error, so a schema cannot silently rely on one this
 * validator ignores. (No validator library resolves offline here; the project adds no dependency.)
 */
final class SchemaCheck {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$defs");
    private static final Set<String> KEYWORDS = Set.of("type", "const", "enum", "required", "properties",
            "additionalProperties", "items", "pattern", "format", "$ref");
    private final JsonNode root;

    SchemaCheck(String schema) throws Exception {
        this.root = new ObjectMapper().readTree(schema);
    }

    /**
     * @param document the JSON text
     * @return every violation, as {@code path: problem}; empty when valid
     */
    List<String> validate(String document) throws Exception {
        List<String> errors = new ArrayList<>();
        check(root, new ObjectMapper().readTree(document), "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                errors.add(path + ": not allowed");
            }
            return;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String k = names.next();
            if (!KEYWORDS.contains(k) && !ANNOTATIONS.contains(k)) {
                throw new IllegalArgumentException("schema keyword not supported by this validator: " + k);
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").textValue();
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalArgumentException("only local $defs references are supported: " + ref);
            }
            JsonNode target = root.get("$defs").get(ref.substring("#/$defs/".length()));
            if (target == null) {
                throw new IllegalArgumentException("unresolved $ref " + ref);
            }
            check(target, value, path, errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(path + ": expected type " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(path + ": not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").textValue()).matcher(value.textValue()).find()) {
                errors.add(path + ": does not match " + schema.get("pattern").textValue());
            }
            if (schema.has("format") && "date-time".equals(schema.get("format").textValue()) && !isDateTime(value.textValue())) {
                errors.add(path + ": not an RFC 3339 date-time");
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) {
                    if (!value.has(r.textValue())) {
                        errors.add(path + ": missing required property " + r.textValue());
                    }
                }
            }
            JsonNode properties = schema.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String memberPath = path + "." + member.getKey();
                if (properties != null && properties.has(member.getKey())) {
                    check(properties.get(member.getKey()), member.getValue(), memberPath, errors);
                } else if (schema.has("additionalProperties")) {
                    check(schema.get("additionalProperties"), member.getValue(), memberPath, errors);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.textValue()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
