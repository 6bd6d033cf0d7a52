package dev.consentkit.core.purpose;

import dev.consentkit.core.LocalizedText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A category of personal data a purpose processes ("contact details", "photos of the client").
 *
 * @param id lower-case code, e.g. {@code contact}
 * @param name the category in plain words, per language
 * @param sensitive whether it is a special category (health, biometrics, ...) that needs explicit consent
 */
public record DataCategory(String id, LocalizedText name, boolean sensitive) {
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    /**
     * @throws IllegalArgumentException if the id is not a lower-case code of at most 64 characters
     */
    public DataCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!FORM.matcher(id).matches()) {
            throw new IllegalArgumentException("data category id must match " + FORM.pattern());
        }
    }
}
