package dev.consentkit.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.consent.ConsentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How values are written as JSON and parsed back: absent optionals are left out; instants, locales,
 * UUIDs and statuses are text. Parsers throw {@link IllegalArgumentException}, which {@link JsonIn}
 * reports by field path.
 */
final class JsonValues {
    private JsonValues() {
    }

    static <T> void optional(ObjectNode out, String field, Optional<T> value, Function<T, String> text) {
        value.ifPresent(v -> out.put(field, text.apply(v)));
    }

    static void texts(ObjectNode out, String field, List<String> values) {
        ArrayNode array = out.putArray(field);
        values.forEach(array::add);
    }

    /** ISO-8601, UTC, with as many fraction digits as the instant has: {@code Instant.parse} reads it back. */
    static String instant(Instant instant) {
        return instant.toString();
    }

    static String locale(Locale locale) {
        return locale.toLanguageTag();
    }

    /**
     * @throws IllegalArgumentException if the tag is not a well-formed BCP 47 tag that reads back as written
     */
    static Locale parseLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(tag)) {
            throw new IllegalArgumentException("not a BCP 47 language tag");
        }
        return locale;
    }

    /**
     * @throws IllegalArgumentException if not a UUID in its canonical 8-4-4-4-12 form
     */
    static UUID parseUuid(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return uuid;
    }

    /**
     * @throws IllegalArgumentException if not the DPV term of a consent status
     */
    static ConsentStatus parseStatus(String dpvTerm) {
        for (ConsentStatus s : ConsentStatus.values()) {
            if (s.dpvTerm().equals(dpvTerm)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a DPV consent status");
    }
}
