package dev.consentkit.core.internal;

import java.io.ByteArrayOutputStream;

/**
 * An unambiguous byte encoding of a list of fields: each field is its UTF-8 length (4 bytes, big
 * endian) followed by its bytes; an absent field is length -1. Used for MACs and digests. Encoding is
 * strict ({@link Utf8#encode}): a field with a lone surrogate is refused, never turned into {@code "?"},
 * so two different lists never share an encoding. Not API. Not thread-safe.
 */
public final class Canonical {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

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
        out.write(bytes, 0, bytes.length);
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
        return out.toByteArray();
    }

    private void writeInt(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
