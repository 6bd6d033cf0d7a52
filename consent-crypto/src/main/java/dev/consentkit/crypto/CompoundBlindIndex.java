package dev.consentkit.crypto;

import java.util.List;
import java.util.Objects;

/**
 * A blind index over several values of a subject together, e.g. last name and birth year: each part
 * is normalised by its own {@link Normalizer}, and the parts are joined without ambiguity (each
 * length-prefixed) before the truncated HMAC, so {@code ("ab", "c")} and {@code ("a", "bc")} index
 * apart. Useful where one value alone is too common to narrow a search, or too rare to index safely.
 *
 * <p>The sizing rule is the one of {@link BlindIndex#sized}: at least two subjects per index value on
 * average. Its key is derived from the blind-index root key under a label of its own, so a compound
 * index never shares a key with a single-value index. Index names share one namespace in storage:
 * do not give a compound index the name of another index.
 *
 * @param name the index name, e.g. {@code client.lastname-birthyear}
 * @param parts the normaliser of each part, in order; 2 to 8 parts
 * @param bits how many bits of the HMAC are kept
 */
public record CompoundBlindIndex(String name, List<Normalizer> parts, int bits) {
    /** Most parts a compound index takes. */
    public static final int MAX_PARTS = 8;

    /**
     * @throws IllegalArgumentException if the name is malformed, bits is not 4 to 256, or there are
     *     fewer than 2 or more than {@value #MAX_PARTS} parts
     * @throws NullPointerException if an argument or a part is null
     */
    public CompoundBlindIndex {
        BlindIndex.checkNameAndBits(name, bits);
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.size() < 2 || parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("compound blind index " + name + " needs 2 to " + MAX_PARTS
                    + " parts, got " + parts.size());
        }
    }

    /**
     * A compound index sized for the expected number of distinct subjects, as
     * {@link BlindIndex#sized} sizes a single-value one.
     *
     * @param name the index name
     * @param bits the bits wanted
     * @param population how many subjects the index will hold, at most
     * @param parts the normaliser of each part, in order
     * @return the index
     * @throws IllegalArgumentException if {@code bits} leaks too much for the population, naming the
     *     largest safe size, or the name, size or parts are invalid
     */
    public static CompoundBlindIndex sized(String name, int bits, long population, Normalizer... parts) {
        BlindIndex.checkNameAndBits(name, bits);
        BlindIndex.checkPopulation(name, bits, population);
        return new CompoundBlindIndex(name, List.of(parts), bits);
    }
}
