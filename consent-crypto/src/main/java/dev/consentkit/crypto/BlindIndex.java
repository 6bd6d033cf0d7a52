package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.spi.protection.BlindIndexEntry;
import java.util.List;
import java.util.Objects;

/**
 * A searchable, truncated keyed hash of one normalised field value: a client is found by e-mail
 * without decrypting anything. Truncation makes values collide on purpose, so the index alone cannot
 * tell who is who; the sizing rule refuses an index so long that almost every value would be unique.
 *
 * <p>An index is over one {@link ProtectedField}, and is declared to {@link FieldCrypto} with
 * {@link FieldCrypto.Builder#blindIndex(BlindIndex)} beside that field: writing and searching it are
 * checked against the declared field's category, its entries belong to the declared field's key
 * group, and shredding that group of a subject removes the subject's entries with the keys
 * ({@link FieldCrypto#shred}). Its version is its normaliser's ({@link Normalizer}); entries of
 * earlier versions keep answering until {@link ReindexJob} moves them.
 *
 * <p>Made by {@link #sized}, which enforces the sizing rule; {@link #unsafeWithoutSizing} skips it.
 * Immutable and thread-safe.
 */
public final class BlindIndex {
    private final IndexName name;
    private final ProtectedField field;
    private final Normalizer normalizer;
    private final int bits;

    private BlindIndex(IndexName name, ProtectedField field, Normalizer normalizer, int bits) {
        checkNameAndBits(name, bits);
        this.name = name;
        this.field = Objects.requireNonNull(field, "field");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.bits = bits;
    }

    /**
     * An index sized for the expected number of distinct subjects, following CipherSweet's
     * coincidence bound: each index value should be shared by at least two subjects on average
     * ({@code 2^bits <= population / 2}).
     *
     * @param name the index name, e.g. {@code client.email}
     * @param field the field it indexes; its key group is the index's
     * @param normalizer the normaliser, and with it the version
     * @param bits the bits of the HMAC kept, 4 to 256, and at most {@link #maxSafeBits}{@code (population)}
     * @param population how many subjects the index will hold, at most; 4 or more
     * @return the index
     * @throws IllegalArgumentException if {@code bits} leaks too much for the population, naming the
     *     largest safe size, or the bits or population is out of range
     * @throws NullPointerException if an argument is null
     */
    public static BlindIndex sized(IndexName name, ProtectedField field, Normalizer normalizer, int bits, long population) {
        checkNameAndBits(name, bits);
        checkPopulation(name, bits, population);
        return new BlindIndex(name, field, normalizer, bits);
    }

    /**
     * An index of any size from 4 to 256 bits, <b>without</b> the sizing rule. Unsafe: an index long
     * enough to make values unique for its population links every stored value to one subject, so
     * anyone who reads the index table and can guess values (e-mail addresses from a leak, phone
     * numbers by enumeration) finds whose they are without any key. Use only where that is accepted
     * on purpose, e.g. a value that is public anyway, and say why beside the call.
     *
     * @param name the index name
     * @param field the field it indexes
     * @param normalizer the normaliser
     * @param bits the bits kept, 4 to 256
     * @return the index
     * @throws IllegalArgumentException if the bits are out of range
     * @throws NullPointerException if an argument is null
     */
    public static BlindIndex unsafeWithoutSizing(IndexName name, ProtectedField field, Normalizer normalizer, int bits) {
        return new BlindIndex(name, field, normalizer, bits);
    }

    /** The name and size rules every index kind follows. */
    static void checkNameAndBits(IndexName name, int bits) {
        Objects.requireNonNull(name, "name");
        if (bits < 4 || bits > 256) {
            throw new IllegalArgumentException("blind index " + name + " must keep 4 to 256 bits");
        }
    }

    /** CipherSweet's coincidence bound, shared with {@link CompoundBlindIndex#sized}. */
    static void checkPopulation(IndexName name, int bits, long population) {
        if (population < 4) {
            throw new IllegalArgumentException("blind index " + name + ": a population below 4 cannot hide anyone");
        }
        int safe = maxSafeBits(population);
        if (bits > safe) {
            throw new IllegalArgumentException("blind index " + name + " with " + bits + " bits over " + population
                    + " subjects would make almost every value unique; use at most " + safe + " bits");
        }
    }

    /**
     * @param population how many subjects the index will hold, 2 or more
     * @return the largest number of bits that keeps at least two subjects per index value on average
     * @throws IllegalArgumentException if the population is below 2
     */
    public static int maxSafeBits(long population) {
        if (population < 2) {
            throw new IllegalArgumentException("a population below 2 has no safe index size");
        }
        return 63 - Long.numberOfLeadingZeros(population / 2);
    }

    /**
     * How many subjects other than the one searched for a search is expected to return as well: each
     * of the others has the searched value's index value with probability 2^-bits, so
     * {@code (population - 1) / 2^bits}. Under the sizing rule ({@link #maxSafeBits}) this is at least
     * about 1 — by design. {@link FieldCrypto#findConfirmed} opens each of them to weed them out.
     *
     * @param population how many subjects the index holds, 1 or more
     * @return the expected number of false candidates per search
     * @throws IllegalArgumentException if the population is below 1
     */
    public double expectedFalseCandidates(long population) {
        if (population < 1) {
            throw new IllegalArgumentException("a population has at least one subject");
        }
        return (population - 1) / Math.pow(2, bits);
    }

    /** @return the index name */
    public IndexName name() {
        return name;
    }

    /** @return the field it indexes */
    public ProtectedField field() {
        return field;
    }

    /** @return the normaliser */
    public Normalizer normalizer() {
        return normalizer;
    }

    /** @return the bits of the HMAC kept */
    public int bits() {
        return bits;
    }

    /** @return the version entries are written with: the normaliser's */
    public int version() {
        return normalizer.version();
    }

    IndexSpec spec() {
        return new IndexSpec(false, name, bits, List.of(new CompoundBlindIndex.Part(field, normalizer)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlindIndex b && b.name.equals(name) && b.field.equals(field)
                && b.normalizer.equals(normalizer) && b.bits == bits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, field, normalizer, bits);
    }

    @Override
    public String toString() {
        return "BlindIndex[" + name + " over " + field + ", " + normalizer + ", " + bits + " bits]";
    }
}
