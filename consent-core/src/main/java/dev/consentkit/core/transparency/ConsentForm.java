package dev.consentkit.core.transparency;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.Notice;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The consent form of one purpose as shown to the client, with the elements it states, so that
 * {@link ConsentFormValidator} can prove it complete. {@link Transparency#consentForm} renders one;
 * a host that writes its own form can build the record and validate it.
 *
 * <p>{@link #text()} is the exact text shown: its SHA-256 is what a Given event pins once the form
 * is published as the purpose's notice ({@link Transparency#publishForms}).
 *
 * @param purposes the purposes the form asks consent for; a valid form has exactly one
 * @param variant checkbox or written consent
 * @param locale the language
 * @param format the format of {@link #text()}
 * @param text the exact text shown
 * @param elements the value of each element the form states, unescaped, as it appears in the text
 */
public record ConsentForm(List<PurposeId> purposes, Variant variant, Locale locale, Format format, String text,
                          Map<FormElement, String> elements) {
    /** The kinds of consent form. */
    public enum Variant {
        /** An unticked checkbox with the consent sentence, the facts, the policy link and how to withdraw. */
        CHECKBOX,
        /** A written consent carrying every element of 152-FZ Art. 9 part 4, signed by the client. */
        WRITTEN
    }

    /** Checks for nulls and copies. */
    public ConsentForm {
        purposes = List.copyOf(purposes);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        EnumMap<FormElement, String> copy = new EnumMap<>(FormElement.class);
        copy.putAll(elements);
        elements = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return lower-case hex SHA-256 of the text's UTF-8 bytes, as a consent event pins it */
    public String sha256() {
        return Notice.sha256Hex(text);
    }

    @Override
    public String toString() {
        return "ConsentForm[" + purposes + ", " + variant + ", " + locale.toLanguageTag() + ", " + format + "]";
    }
}
