package dev.consentkit.crypto.internal;

/** Deterministic test bytes. */
final class TestBytes {
    private TestBytes() {
    }

    /** @return {@code length} bytes counting up from {@code start} (mod 256) */
    static byte[] sequence(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }
}
