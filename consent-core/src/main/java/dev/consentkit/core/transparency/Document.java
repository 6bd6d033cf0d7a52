package dev.consentkit.core.transparency;

import dev.consentkit.core.purpose.Notice;
import java.util.Locale;
import java.util.Objects;

/**
 * A generated document: a privacy policy, a receipt or change notes, in one language and format.
 *
 * @param locale the language it is written in
 * @param format its format
 * @param text the exact text
 */
public record Document(Locale locale, Format format, String text) {
    /** Checks for nulls. */
    public Document {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
    }

    /** @return lower-case hex SHA-256 of the text's UTF-8 bytes */
    public String sha256() {
        return Notice.sha256Hex(text);
    }

    @Override
    public String toString() {
        return "Document[" + locale.toLanguageTag() + ", " + format + ", " + text.length() + " chars]";
    }
}
