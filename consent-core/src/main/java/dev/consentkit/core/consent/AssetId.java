package dev.consentkit.core.consent;

import dev.consentkit.core.internal.Utf8;
import java.util.Objects;

/**
 * The host's id of an asset a consent may be narrowed to: a photo, a project, a recording
 * (model-release and portfolio consent).
 *
 * @param value 1 to {@value #MAX_LENGTH} characters, no control characters or surrounding blanks, no lone
 *              surrogate (malformed UTF-16)
 */
public record AssetId(String value) {
    /** Longest accepted id. */
    public static final int MAX_LENGTH = 128;

    /**
     * @throws IllegalArgumentException if blank, too long, with control characters or a lone surrogate
     */
    public AssetId {
        Objects.requireNonNull(value, "asset id");
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.equals(value.strip())
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("asset id must have 1 to " + MAX_LENGTH
                    + " characters, no control characters and no surrounding blanks");
        }
        Utf8.requireWellFormed(value, "asset id");
    }

    /**
     * @param value the id
     * @return the typed id
     */
    public static AssetId of(String value) {
        return new AssetId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
