package dev.consentkit.crypto.internal;

import java.nio.charset.StandardCharsets;

/**
 * The canonical associated data of a sealed field:
 * {@code "ck/v1" || lp(table) || lp(column) || lp(rowKey) || lp(subjectRef) || header}, where
 * {@code lp(s)} is the 4-byte big-endian length of the UTF-8 bytes of {@code s} followed by those bytes,
 * and {@code header} the ciphertext's 7 header bytes (version, suite, flags, key id). A value bound to
 * a cell version ({@link FieldCiphertext#VERSION_BOUND} set in the flags) has one more part before the
 * header: {@code lp(version)}, the version's decimal digits. The two forms never collide: the flags
 * byte differs, and every part before the header is self-delimiting, so the lengths differ too.
 *
 * <p>Length prefixes keep {@code ("ab", "c")} and {@code ("a", "bc")} apart; the header is fixed-size
 * and last, so it needs none. Binding the header means its bytes are authenticated although they are
 * stored in the clear. Everything before the header depends on the cell only, so a {@link FieldContext}
 * encodes it once ({@link #prefix}) and sealing feeds the AEAD that prefix and then the header, in
 * place, without joining them.
 */
final class Aad {
    private static final byte[] LABEL = "ck/v1".getBytes(StandardCharsets.US_ASCII);

    private Aad() {
    }

    /** The whole associated data, as one array (XChaCha20-Poly1305 and tests). */
    static byte[] of(FieldContext context, byte[] header) {
        Sizes.exactly(header, FieldCiphertext.HEADER_BYTES, "header");
        byte[] prefix = context.aadPrefix();
        byte[] out = new byte[prefix.length + header.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(header, 0, out, prefix.length, header.length);
        return out;
    }

    /** The label followed by each part, length-prefixed; {@code parts} are UTF-8 bytes. */
    static byte[] prefix(byte[]... parts) {
        int length = LABEL.length;
        for (byte[] part : parts) {
            length += 4 + part.length;
        }
        byte[] out = new byte[length];
        System.arraycopy(LABEL, 0, out, 0, LABEL.length);
        int at = LABEL.length;
        for (byte[] part : parts) {
            int n = part.length;
            out[at] = (byte) (n >>> 24);
            out[at + 1] = (byte) (n >>> 16);
            out[at + 2] = (byte) (n >>> 8);
            out[at + 3] = (byte) n;
            System.arraycopy(part, 0, out, at + 4, n);
            at += 4 + n;
        }
        return out;
    }
}
