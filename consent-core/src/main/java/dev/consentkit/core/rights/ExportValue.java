package dev.consentkit.core.rights;

import dev.consentkit.core.spi.protection.SealedValue;
import java.util.Objects;

/**
 * One field value a contributor hands to an export: plain text, or a value sealed by the
 * {@link dev.consentkit.core.spi.protection.FieldProtector}, which the export opens for the subject.
 * {@code toString()} never shows the value.
 */
public sealed interface ExportValue permits ExportValue.Plain, ExportValue.Sealed {
    /**
     * @param text the value
     * @return a plain value
     */
    static ExportValue plain(String text) {
        return new Plain(text);
    }

    /**
     * @param value the stored ciphertext and its cell
     * @return a sealed value, opened by the export
     */
    static ExportValue sealed(SealedValue value) {
        return new Sealed(value);
    }

    /**
     * A value stored in clear.
     *
     * @param text the value
     */
    record Plain(String text) implements ExportValue {
        /** Checks for null. */
        public Plain {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Plain[<masked>]";
        }
    }

    /**
     * A value stored sealed.
     *
     * @param value the ciphertext and its cell
     */
    record Sealed(SealedValue value) implements ExportValue {
        /** Checks for null. */
        public Sealed {
            Objects.requireNonNull(value, "value");
        }
    }
}
