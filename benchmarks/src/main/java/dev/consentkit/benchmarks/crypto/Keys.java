package dev.consentkit.benchmarks.crypto;

import java.util.SplittableRandom;

/** Deterministic key material and values for the crypto benchmarks, so that every run seals the same bytes. */
final class Keys {
    private Keys() {
    }

    /**
     * @param seed distinguishes the keys of one benchmark from another's
     * @param bytes how many bytes
     * @return pseudo-random bytes (benchmark keys only, never a real key)
     */
    static byte[] bytes(long seed, int bytes) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /**
     * @param length how many characters
     * @return printable ASCII text of that length, so its UTF-8 form has exactly {@code length} bytes
     */
    static String text(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + i % 26));
        }
        return out.toString();
    }
}
