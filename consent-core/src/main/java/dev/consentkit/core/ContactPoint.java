package dev.consentkit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * An e-mail address or phone number used only to look up or add a suppression entry; it is hashed
 * at once and never stored.
 *
 * <p>The value is normalised (e-mail: trimmed, lower case; phone: digits with a leading {@code +}).
 * {@link #toString()} is masked.
 *
 * @param type what kind of contact it is
 * @param normalized the normalised value
 */
public record ContactPoint(Type type, String normalized) {
    /** Kinds of contact point. */
    public enum Type {
        /** An e-mail address. */
        EMAIL,
        /** A phone number in international form. */
        PHONE
    }

    /**
     * @throws IllegalArgumentException if the value is not of its type's form, or has a lone surrogate
     *                                  (the value is not echoed)
     */
    public ContactPoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(normalized, "normalized");
        // a lone surrogate would hash like "?": two addresses would share one suppression entry
        Ids.wellFormed(normalized, "contact point");
        boolean ok = switch (type) {
            case EMAIL -> normalized.matches("[^@\\s]{1,64}@[^@\\s]{1,255}");
            case PHONE -> normalized.matches("\\+[0-9]{6,15}");
        };
        if (!ok) {
            throw new IllegalArgumentException("contact point is not a valid " + type);
        }
    }

    /**
     * @param address an e-mail address
     * @return the contact point
     * @throws IllegalArgumentException if it is not an e-mail address
     */
    public static ContactPoint email(String address) {
        Objects.requireNonNull(address, "address");
        return new ContactPoint(Type.EMAIL, address.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param number a phone number in international form, e.g. {@code +7 912 345-67-89}
     * @return the contact point
     * @throws IllegalArgumentException if it does not give 6 to 15 digits after a {@code +}
     */
    public static ContactPoint phone(String number) {
        Objects.requireNonNull(number, "number");
        String digits = number.replaceAll("[\\s().-]", "");
        return new ContactPoint(Type.PHONE, digits);
    }

    /**
     * @param hasher the kit's keyed hasher
     * @return the keyed hash stored in the suppression list
     */
    public KeyedHash hash(KeyedHasher hasher) {
        return hasher.hash(type.name().toLowerCase(Locale.ROOT), normalized);
    }

    @Override
    public String toString() {
        return "ContactPoint[" + type + ", <masked>]";
    }
}
