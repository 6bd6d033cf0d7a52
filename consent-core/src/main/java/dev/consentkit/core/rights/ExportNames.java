package dev.consentkit.core.rights;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks the names used in exports and erasure outcomes. */
final class ExportNames {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    private ExportNames() {
    }

    static String code(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + CODE.pattern());
        }
        return value;
    }

    static String field(String name) {
        Objects.requireNonNull(name, "field name");
        if (name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a field name has 1 to 64 printable characters");
        }
        return name;
    }

    static String text(String value, String what, int max) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must have 1 to " + max + " printable characters");
        }
        return value;
    }
}
