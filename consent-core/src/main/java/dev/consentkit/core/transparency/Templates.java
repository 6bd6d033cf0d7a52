package dev.consentkit.core.transparency;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The templates and the wording documents are written from: the defaults shipped in the jar
 * (Russian and English, in {@code dev/consentkit/core/transparency/<kind>.<language>.<md|html>} and
 * {@code wording.<language>.properties}), and whatever the host puts over them.
 *
 * <p>Templates use a small language: {@code {{field}}} inserts an escaped value,
 * {@code {{#field}}...{{/field}}} repeats a block per list element (or shows it when a text is
 * present / a flag is true), {@code {{^field}}...{{/field}}} shows it when the list is empty, the text
 * absent or the flag false, {@code {{! comment }}}. The fields each kind may use are listed in the
 * default templates' first comment. A template naming an unknown field, or holding script, fails when
 * {@link Transparency.Builder#build()} compiles it.
 *
 * <pre>{@code
 * Templates templates = Templates.defaults()
 *         .with(Templates.Kind.POLICY, Locale.forLanguageTag("ru"), Format.HTML, myHtml)
 *         .withWording(Locale.forLanguageTag("ru"), Map.of("event.order.closed", "закрытия заказа"));
 * }</pre>
 *
 * <p>Immutable: {@code with...} returns a copy.
 */
public final class Templates {
    /** The documents a template exists for. */
    public enum Kind {
        /** The privacy policy. */
        POLICY("policy"),
        /** The consent form of one purpose: a checkbox the client ticks. */
        CONSENT_FORM("consent-form"),
        /** The written consent of one purpose with every element of 152-FZ Art. 9 part 4. */
        WRITTEN_CONSENT("written-consent"),
        /** The client's receipt after consent was given or withdrawn. */
        RECEIPT("receipt"),
        /** What changed between two catalogue versions. */
        CHANGE_NOTES("change-notes");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** @return the base of the resource name, e.g. {@code consent-form} */
        public String fileName() {
            return fileName;
        }
    }

    private static final Templates DEFAULTS = new Templates(Map.of(), Map.of());
    private final Map<String, String> overrides;
    private final Map<String, Map<String, String>> wordingOverrides;

    private Templates(Map<String, String> overrides, Map<String, Map<String, String>> wordingOverrides) {
        this.overrides = overrides;
        this.wordingOverrides = wordingOverrides;
    }

    /** @return the shipped Russian and English templates and wording */
    public static Templates defaults() {
        return DEFAULTS;
    }

    /**
     * @param kind which document
     * @param locale its language (only the language counts)
     * @param format its format
     * @param source the template text
     * @return a copy using {@code source} for that document, language and format
     */
    public Templates with(Kind kind, Locale locale, Format format, String source) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Map<String, String> copy = new HashMap<>(overrides);
        copy.put(resourceName(kind, locale, format), source);
        return new Templates(Map.copyOf(copy), wordingOverrides);
    }

    /**
     * @param locale a language (only the language counts)
     * @param entries wording keys and texts put over the shipped ones (for a new language: all of
     *                them, see {@code wording.en.properties}); {@code event.<name>} words a retention
     *                business event such as {@code event.order.closed}
     * @return a copy with that wording
     */
    public Templates withWording(Locale locale, Map<String, String> entries) {
        String language = language(locale);
        Map<String, Map<String, String>> copy = new HashMap<>(wordingOverrides);
        Map<String, String> merged = new LinkedHashMap<>(copy.getOrDefault(language, Map.of()));
        entries.forEach((k, v) -> merged.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "text")));
        copy.put(language, Map.copyOf(merged));
        return new Templates(overrides, Map.copyOf(copy));
    }

    Optional<String> source(Kind kind, Locale locale, Format format) {
        String name = resourceName(kind, locale, format);
        String override = overrides.get(name);
        return override != null ? Optional.of(override) : read(name);
    }

    /** @return the merged wording, empty if the language has neither shipped nor host wording */
    Map<String, String> wording(Locale locale) {
        String language = language(locale);
        Map<String, String> merged = new HashMap<>();
        read("wording." + language + ".properties").ifPresent(text -> {
            Properties p = new Properties();
            try (Reader r = new java.io.StringReader(text)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
        });
        merged.putAll(wordingOverrides.getOrDefault(language, Map.of()));
        return merged;
    }

    static String resourceName(Kind kind, Locale locale, Format format) {
        return kind.fileName() + "." + language(locale) + "." + format.extension();
    }

    private static String language(Locale locale) {
        String language = Objects.requireNonNull(locale, "locale").getLanguage();
        if (language.isEmpty()) {
            throw new IllegalArgumentException("locale needs a language");
        }
        return language;
    }

    private static Optional<String> read(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    @Override
    public String toString() {
        return "Templates[" + overrides.size() + " overrides]";
    }
}
