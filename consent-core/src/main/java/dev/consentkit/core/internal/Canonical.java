package dev.consentkit.core.internal;

import java.util.Arrays;

/**
 * An unambiguous byte encoding of a list of fields: each field is its UTF-8 length (4 bytes, big
 * endian) followed by its bytes; an absent field is length -1. Used for MACs and digests. Encoding is
 * strict ({@link Utf8#encode}): a field with a lone surrogate is refused, never turned into {@code "?"},
 * so two different lists never share an encoding. Not API. Not thread-safe.
 */
public final class Canonical {
    private byte[] out = new byte[256];
    private int size;

    /**
     * @param tag a label naming what is encoded, so encodings of different things never collide
     */
    public Canonical(String tag) {
        add(tag);
    }

    /**
     * @param value a field, {@code null} when absent
     * @return this encoder
     * @throws IllegalArgumentException if the field is not well-formed UTF-16 (a lone surrogate)
     */
    public Canonical add(String value) {
        if (value == null) {
            writeInt(-1);
            return this;
        }
        byte[] bytes = Utf8.encode(value, "a canonical field");
        writeInt(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /**
     * @param value a numeric field
     * @return this encoder
     */
    public Canonical add(long value) {
        return add(Long.toString(value));
    }

    /** @return the encoding */
    public byte[] bytes() {
        return Arrays.copyOf(out, size);
    }

    private void writeInt(int v) {
        ensure(4);
        out[size] = (byte) (v >>> 24);
        out[size + 1] = (byte) (v >>> 16);
        out[size + 2] = (byte) (v >>> 8);
        out[size + 3] = (byte) v;
        size += 4;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
