package dev.consentkit.crypto.internal;

import java.util.Objects;

/** The size check every primitive makes; it names the argument and the sizes, never the bytes. */
final class Sizes {
    private Sizes() {
    }

    static byte[] exactly(byte[] value, int bytes, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != bytes) {
            throw new IllegalArgumentException(name + " must have " + bytes + " bytes, got " + value.length);
        }
        return value;
    }
}
