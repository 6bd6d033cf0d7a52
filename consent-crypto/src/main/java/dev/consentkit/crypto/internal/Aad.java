package dev.consentkit.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The canonical associated data of a sealed field:
 * {@code "ck/v1" || lp(table) || lp(column) || lp(rowKey) || lp(subjectRef) || header}, where
 * {@code lp(s)} is the 4-byte big-endian length of the UTF-8 bytes of {@code s} followed by those bytes,
 * and {@code header} the ciphertext's 7 header bytes (version, suite, flags, key id).
 *
 * <p>Length prefixes keep {@code ("ab", "c")} and {@code ("a", "bc")} apart; the header is fixed-size
 * and last, so it needs none. Binding the header means its bytes are authenticated although they are
 * stored in the clear.
 */
final class Aad {
    private static final byte[] LABEL = "ck/v1".getBytes(StandardCharsets.US_ASCII);

    private Aad() {
    }

    static byte[] of(FieldContext context, byte[] header) {
        Sizes.exactly(header, FieldCiphertext.HEADER_BYTES, "header");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(LABEL);
        lengthPrefixed(out, context.table());
        lengthPrefixed(out, context.column());
        lengthPrefixed(out, context.rowKey());
        lengthPrefixed(out, context.subjectRef());
        out.writeBytes(header);
        return out.toByteArray();
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int length = utf8.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(utf8);
    }
}
