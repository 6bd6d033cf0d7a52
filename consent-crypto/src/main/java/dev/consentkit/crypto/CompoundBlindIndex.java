package dev.consentkit.crypto;

import dev.consentkit.core.IndexName;
import dev.consentkit.core.KeyGroup;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A blind index over several values of a subject together, e.g. last name and birth year: each part
 * is a field with its own {@link Normalizer}, and the normalised parts are joined without ambiguity
 * (each length-prefixed) before the truncated HMAC, so {@code ("ab", "c")} and {@code ("a", "bc")}
 * index apart. Useful where one value alone is too common to narrow a search, or too rare to index
 * safely.
 *
 * <p>All parts are fields of one key group, the index's: shredding that group of a subject removes
 * the subject's entries ({@link FieldCrypto#shred}). Declared to {@link FieldCrypto} with
 * {@link FieldCrypto.Builder#blindIndex(CompoundBlindIndex)} beside its fields; writing and searching
 * it are checked against the category of every one of them. Parts of two groups are refused, since the entry
 * would outlive the shredding of one of them. The index's version is the highest of its parts'
 * normaliser versions.
 *
 * <p>The sizing rule is the one of {@link BlindIndex#sized}: at least two subjects per index value on
 * average; {@link #unsafeWithoutSizing} skips it. Its key is derived from the blind-index root key
 * under a label of its own, so a compound index never shares a key with a single-value index. Index
 * names share one namespace in storage: do not give a compound index the name of another index.
 * Immutable and thread-safe.
 */
public final class CompoundBlindIndex {
    /** Most parts a compound index takes. */
    public static final int MAX_PARTS = 8;
    private final IndexName name;
    private final List<Part> parts;
    private final int bits;

    /**
     * One part of a compound index: the field its value comes from and how that value is normalised.
     *
     * @param field the field
     * @param normalizer its normaliser
     */
    public record Part(ProtectedField field, Normalizer normalizer) {
        /** Checks for nulls. */
        public Part {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(normalizer, "normalizer");
        }
    }

    private CompoundBlindIndex(IndexName name, int bits, Part... parts) {
        BlindIndex.checkNameAndBits(name, bits);
        List<Part> list = List.of(Objects.requireNonNull(parts, "parts"));
        if (list.size() < 2 || list.size() > MAX_PARTS) {
            throw new IllegalArgumentException("compound blind index " + name + " needs 2 to " + MAX_PARTS
                    + " parts, got " + list.size());
        }
        List<KeyGroup> groups = list.stream().map(p -> p.field().group()).distinct().toList();
        if (groups.size() > 1) {
            throw new IllegalArgumentException("compound blind index " + name + " spans key groups "
                    + groups.stream().map(KeyGroup::value).collect(Collectors.joining(", ")) + ": its entries would outlive the shredding of one of them;"
                    + " index fields of one group together");
        }
        this.name = name;
        this.parts = list;
        this.bits = bits;
    }

    /**
     * A compound index sized for the expected number of distinct subjects, as
     * {@link BlindIndex#sized} sizes a single-value one.
     *
     * @param name the index name, e.g. {@code client.lastname-birthyear}
     * @param bits the bits wanted
     * @param population how many subjects the index will hold, at most
     * @param parts each part's field and normaliser, in order; 2 to {@value #MAX_PARTS}
     * @return the index
     * @throws IllegalArgumentException if {@code bits} leaks too much for the population, naming the
     *     largest safe size, or the size, population or number of parts is out of range, or the parts'
     *     fields are of different key groups
     * @throws NullPointerException if an argument or a part is null
     */
    public static CompoundBlindIndex sized(IndexName name, int bits, long population, Part... parts) {
        BlindIndex.checkNameAndBits(name, bits);
        BlindIndex.checkPopulation(name, bits, population);
        return new CompoundBlindIndex(name, bits, parts);
    }

    /**
     * A compound index of any size from 4 to 256 bits, <b>without</b> the sizing rule; unsafe for the
     * reasons given at {@link BlindIndex#unsafeWithoutSizing}.
     *
     * @param name the index name
     * @param bits the bits kept, 4 to 256
     * @param parts each part's field and normaliser, in order
     * @return the index
     * @throws IllegalArgumentException if the size or number of parts is out of range, or the parts'
     *     fields are of different key groups
     * @throws NullPointerException if an argument or a part is null
     */
    public static CompoundBlindIndex unsafeWithoutSizing(IndexName name, int bits, Part... parts) {
        return new CompoundBlindIndex(name, bits, parts);
    }

    /** @return the index name */
    public IndexName name() {
        return name;
    }

    /** @return the parts, in order */
    public List<Part> parts() {
        return parts;
    }

    /** @return the bits of the HMAC kept */
    public int bits() {
        return bits;
    }

    /** @return the version entries are written with: the highest of the parts' normaliser versions */
    public int version() {
        return spec().version();
    }

    /** @return the key group of every part's field */
    public KeyGroup group() {
        return parts.get(0).field().group();
    }

    IndexSpec spec() {
        return new IndexSpec(true, name, bits, parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompoundBlindIndex c && c.name.equals(name) && c.parts.equals(parts) && c.bits == bits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, parts, bits);
    }

    @Override
    public String toString() {
        return "CompoundBlindIndex[" + name + " over " + parts.stream()
                .map(p -> p.field() + " " + p.normalizer()).collect(Collectors.joining(", ")) + ", " + bits + " bits]";
    }
}
