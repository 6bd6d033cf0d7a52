package dev.consentkit.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A text in one or more languages (a purpose's name, a notice's wording).
 *
 * <p>Immutable. Locales are kept in the order they were added; the first is the fallback.
 *
 * @param texts the text per locale, at least one, none blank
 */
public record LocalizedText(Map<Locale, String> texts) {
    /**
     * @throws IllegalArgumentException if empty or a text is blank
     */
    public LocalizedText {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("localized text needs at least one locale");
        }
        LinkedHashMap<Locale, String> copy = new LinkedHashMap<>();
        texts.forEach((locale, text) -> {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("text for locale " + locale.toLanguageTag() + " is blank");
            }
            copy.put(locale, text);
        });
        texts = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @param locale the language
     * @param text the text in it
     * @return a one-language text
     */
    public static LocalizedText of(Locale locale, String text) {
        return new LocalizedText(Map.of(locale, text));
    }

    /**
     * @param locale another language
     * @param text the text in it
     * @return a copy with that language added or replaced
     */
    public LocalizedText and(Locale locale, String text) {
        LinkedHashMap<Locale, String> copy = new LinkedHashMap<>(texts);
        copy.put(locale, text);
        return new LocalizedText(copy);
    }

    /**
     * @param locale the wanted language
     * @return the text in exactly that language, if present
     */
    public Optional<String> in(Locale locale) {
        return Optional.ofNullable(texts.get(locale));
    }

    /**
     * @param locale the wanted language
     * @return the text in that language, else in its base language, else the first one added
     */
    public String best(Locale locale) {
        String exact = texts.get(locale);
        if (exact != null) {
            return exact;
        }
        String base = texts.get(Locale.forLanguageTag(locale.getLanguage()));
        return base != null ? base : texts.values().iterator().next();
    }

    /** @return the languages present */
    public Set<Locale> locales() {
        return texts.keySet();
    }
}
