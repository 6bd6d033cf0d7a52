package dev.consentkit.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A searchable, truncated keyed hash of a normalised field value: a client is found by e-mail
 * without decrypting anything. Truncation makes values collide on purpose, so the index alone cannot
 * tell who is who; the sizing rule refuses an index so long that almost every value would be unique.
 *
 * @param name the index name, e.g. {@code client.email}
 * @param normalizer how values are normalised
 * @param bits how many bits of the HMAC are kept
 */
public record BlindIndex(String name, Normalizer normalizer, int bits) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    /**
     * @throws IllegalArgumentException if the name is malformed or bits is not 4 to 256
     */
    public BlindIndex {
        Objects.requireNonNull(normalizer, "normalizer");
        checkNameAndBits(name, bits);
    }

    /** The name and size rules every index kind follows. */
    static void checkNameAndBits(String name, int bits) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("blind index name must match " + NAME.pattern());
        }
        if (bits < 4 || bits > 256) {
            throw new IllegalArgumentException("blind index " + name + " must keep 4 to 256 bits");
        }
    }

    /**
     * An index sized for the expected number of distinct subjects, following CipherSweet's
     * coincidence bound: each index value should be shared by at least two subjects on average
     * ({@code 2^bits <= population / 2}).
     *
     * @param name the index name
     * @param normalizer the normaliser
     * @param bits the bits wanted
     * @param population how many subjects the index will hold, at most
     * @return the index
     * @throws IllegalArgumentException if {@code bits} leaks too much for the population, naming the
     *                                  largest safe size
     */
    public static BlindIndex sized(String name, Normalizer normalizer, int bits, long population) {
        checkNameAndBits(name, bits);
        checkPopulation(name, bits, population);
        return new BlindIndex(name, normalizer, bits);
    }

    /** CipherSweet's coincidence bound, shared with {@link CompoundBlindIndex#sized}. */
    static void checkPopulation(String name, int bits, long population) {
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
     * @param population how many subjects the index will hold
     * @return the largest number of bits that keeps at least two subjects per index value on average
     */
    public static int maxSafeBits(long population) {
        return 63 - Long.numberOfLeadingZeros(population / 2);
    }
}
