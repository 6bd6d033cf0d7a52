package dev.consentkit.core.purpose;

import dev.consentkit.core.CategoryId;
import dev.consentkit.core.LocalizedText;
import java.util.Objects;

/**
 * A category of personal data a purpose processes ("contact details", "photos of the client").
 * Immutable and thread-safe.
 *
 * @param id the category's id, e.g. {@code contact}
 * @param name the category in plain words, per language
 * @param sensitive whether it is a special category (health, biometrics, ...) that needs explicit consent
 */
public record DataCategory(CategoryId id, LocalizedText name, boolean sensitive) {
    /**
     * Checks for null; the id validates itself.
     *
     * @throws NullPointerException if {@code id} or {@code name} is null
     */
    public DataCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
