package dev.consentkit.spring.jpa;

import dev.consentkit.crypto.FieldRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a sealed entity field: a plaintext the application just set, sealed by
 * {@link SealingListener} when the entity is saved, or the ciphertext as stored. A loaded entity never
 * holds the plaintext: it is opened only through {@link SealedFields#open}, for a purpose and a
 * principal, and every opening is audited.
 *
 * <pre>{@code
 * @Sealed(table = "client", column = "phone", purpose = "booking")
 * @Convert(converter = SealedTextConverter.class)
 * @Column(length = 111)                       // SealedColumns: 20 characters of plaintext
 * @Size(max = 20)                             // checks the plaintext being written
 * private SealedText phone;
 *
 * public void setPhone(String phone) { this.phone = SealedText.of(phone); }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Equal when both are stored and their ciphertexts are equal; a value not
 * yet sealed equals only itself. {@link #toString()} shows neither plaintext nor ciphertext.
 */
public final class SealedText {
    private final String stored;
    private final String plaintext;
    private final FieldRef cell;

    private SealedText(String stored, String plaintext, FieldRef cell) {
        this.stored = stored;
        this.plaintext = plaintext;
        this.cell = cell;
    }

    /**
     * @param plaintext the value to store sealed; sealed when the entity is next saved
     * @return a value to be sealed
     */
    public static SealedText of(String plaintext) {
        return new SealedText(null, Objects.requireNonNull(plaintext, "plaintext"), null);
    }

    /**
     * @param plaintext the value, or null for none
     * @return a value to be sealed, or null (an empty column) for a null plaintext
     */
    public static SealedText ofNullable(String plaintext) {
        return plaintext == null ? null : of(plaintext);
    }

    /**
     * @param ciphertext a sealed value in text form, as read from its column
     * @return the stored value
     */
    public static SealedText stored(String ciphertext) {
        return new SealedText(Objects.requireNonNull(ciphertext, "ciphertext"), null, null);
    }

    /** @return the same value, now sealed as {@code ciphertext} for {@code cell}; the plaintext stays for validation */
    SealedText sealedAs(String ciphertext, FieldRef cell) {
        return new SealedText(Objects.requireNonNull(ciphertext, "ciphertext"), plaintext, Objects.requireNonNull(cell, "cell"));
    }

    /** @return the same stored value, knowing the cell it was loaded from */
    SealedText in(FieldRef cell) {
        return new SealedText(stored, plaintext, Objects.requireNonNull(cell, "cell"));
    }

    /** @return the cell the value was sealed for or loaded from; empty if no entity listener saw it */
    Optional<FieldRef> cell() {
        return Optional.ofNullable(cell);
    }

    /** @return whether the value is sealed (stored, or sealed by this entity's last save) */
    public boolean isSealed() {
        return stored != null;
    }

    /**
     * @return the ciphertext in text form, as stored in the column
     * @throws IllegalStateException if the value is not sealed yet (the entity was not saved since)
     */
    public String ciphertext() {
        if (stored == null) {
            throw new IllegalStateException("this value is not sealed yet: it is sealed when its entity is saved");
        }
        return stored;
    }

    /** @return the plaintext waiting to be sealed; empty once sealed or for a stored value */
    Optional<String> pending() {
        return stored == null ? Optional.of(plaintext) : Optional.empty();
    }

    /** @return the plaintext the application wrote, for Bean Validation; empty for a value read from the database */
    Optional<String> written() {
        return Optional.ofNullable(plaintext);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof SealedText other && stored != null && stored.equals(other.stored);
    }

    @Override
    public int hashCode() {
        return stored != null ? stored.hashCode() : System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return stored != null ? "SealedText[sealed]" : "SealedText[not sealed yet]";
    }
}
