package dev.consentkit.crypto;

import java.text.Normalizer.Form;
import java.util.Locale;

/** How a value is normalised before its blind index is computed, so equal values index equally. */
public enum Normalizer {
    /** E-mail: trimmed, lower case. */
    EMAIL {
        @Override
        public String normalize(String value) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
    },
    /** Phone: E.164 digits with a leading {@code +}; spaces, dashes, dots and brackets dropped. */
    PHONE_E164 {
        @Override
        public String normalize(String value) {
            String digits = value.strip().replaceAll("[\\s().-]", "");
            if (!digits.matches("\\+?[0-9]{6,15}")) {
                throw new IllegalArgumentException("not a phone number in international form");
            }
            return digits.startsWith("+") ? digits : "+" + digits;
        }
    },
    /** A name: Unicode NFKC, case folded, inner whitespace collapsed. */
    NAME {
        @Override
        public String normalize(String value) {
            String nfkc = java.text.Normalizer.normalize(value, Form.NFKC);
            return nfkc.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        }
    },
    /**
     * A year, e.g. a birth year for a compound index: four digits, given alone or as the start of an
     * ISO date ({@code 1987} or {@code 1987-04-12}).
     */
    YEAR {
        @Override
        public String normalize(String value) {
            String v = value.strip();
            if (!v.matches("[0-9]{4}(-[0-9]{2}-[0-9]{2})?")) {
                throw new IllegalArgumentException("not a year or an ISO date");
            }
            return v.substring(0, 4);
        }
    };

    /**
     * @param value the raw value
     * @return the normalised value
     * @throws IllegalArgumentException if the value cannot be normalised (the value is not echoed)
     */
    public abstract String normalize(String value);
}
