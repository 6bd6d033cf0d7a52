package dev.consentkit.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Shared validation of textual identifiers; messages name the kind of id and the limit only. Every id
 * must be well-formed UTF-16: a lone surrogate would encode to the same bytes as {@code "?"}, so two
 * ids could share one keyed reference, data key and audit pseudonym.
 */
final class Ids {
    private Ids() {
    }

    static String text(String value, String what, int maxLength) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }
        wellFormed(value, what);
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(what + " must not start or end with whitespace");
        }
        return value;
    }

    /**
     * The root package's own check of well-formed UTF-16 (it imports no other package): the strict
     * UTF-8 encoder refuses exactly the lone surrogates.
     */
    static String wellFormed(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException(what + " is not well-formed UTF-16 (it has a lone surrogate)");
        }
        return value;
    }

    static String code(String value, String what, Pattern pattern, int maxLength) {
        text(value, what, maxLength);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern.pattern());
        }
        return value;
    }
}
