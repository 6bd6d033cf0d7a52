package dev.consentkit.core.spi.protection;

/**
 * How many data keys one key-encryption key has wrapped, as the key store can tell.
 *
 * @param stored data keys stored under it now
 * @param shredded data keys that were under it when they were shredded (their {@link KeyShred} records)
 */
public record KekUsage(long stored, long shredded) {
    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public KekUsage {
        if (stored < 0 || shredded < 0) {
            throw new IllegalArgumentException("key counts must not be negative");
        }
    }

    /** @return every data key it wrapped that the store knows of: stored plus shredded */
    public long wraps() {
        return stored + shredded;
    }

    /**
     * @param other another count of the same key
     * @return the two added
     */
    public KekUsage plus(KekUsage other) {
        return new KekUsage(stored + other.stored, shredded + other.shredded);
    }
}
