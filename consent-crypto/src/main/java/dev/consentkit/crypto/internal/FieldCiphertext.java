package dev.consentkit.crypto.internal;

import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.spec.Suite;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A sealed field in ConsentKit's format, version 1 (binary, big-endian):
 *
 * <pre>
 * offset  size     field
 * 0       1        version     0x01
 * 1       1        suite       0x01 AES-256-GCM, 0x03 XChaCha20-Poly1305
 * 2       1        flags       0x02: key commitment present (always); 0x04: bound to a cell version
 *                             (the associated data has the version, see {@link Aad}); so 0x02 or 0x06
 * 3       4        key id      unsigned, of the data key that sealed the value
 * 7       12 | 24  nonce       12 for AES-256-GCM, 24 for XChaCha20-Poly1305
 * ..      16       commitment  to the data key, the same for every value under it; see {@link KeyCommitment}
 * ..      n        ciphertext  as long as the plaintext
 * ..      16       tag
 * </pre>
 *
 * <p>The text form, for text columns, is {@value #TEXT_PREFIX} followed by the binary form in
 * unpadded base64url. Bytes 0 to 6 (the header) go into the associated data, so none of them can be
 * changed without the value failing to open. Not API.
 *
 * <p>Parsing is strict: any other version, suite or flags, a length that does not fit the suite, a
 * text form with another prefix, padding or a non-canonical encoding is a {@link DecryptionException}.
 * Immutable and thread-safe.
 */
public final class FieldCiphertext {
    /** The format version this class reads and writes. */
    public static final int VERSION = 0x01;
    /** Prefix of the text form; the digit is the format version. */
    public static final String TEXT_PREFIX = "ck1.";

    static final int HEADER_BYTES = 7;
    static final int TAG_BYTES = 16;
    /** Bit 1: a key commitment follows the nonce; always set. Bit 0 (padding) is reserved. */
    static final int FLAGS = 0x02;
    /**
     * Bit 2: the value is bound to a version of its cell (freshness), whose decimal digits are part of
     * the associated data. It takes the place of the row MAC once reserved for this bit.
     */
    public static final int VERSION_BOUND = 0x04;

    private static final Base64.Encoder TEXT_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder TEXT_DECODER = Base64.getUrlDecoder();

    private final Suite suite;
    private final byte[] encoded;

    private FieldCiphertext(Suite suite, byte[] encoded) {
        this.suite = suite;
        this.encoded = encoded;
    }

    /**
     * Reads the binary form.
     *
     * @param encoded the bytes as stored; copied
     * @return the ciphertext, not yet authenticated
     * @throws DecryptionException if the bytes are not a well-formed version-1 ciphertext
     * @throws NullPointerException if {@code encoded} is null
     */
    public static FieldCiphertext parse(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length < HEADER_BYTES || encoded[0] != VERSION
                || (encoded[2] != FLAGS && encoded[2] != (FLAGS | VERSION_BOUND))) {
            throw new DecryptionException();
        }
        Suite suite = Suites.fromCode(encoded[1] & 0xFF).orElseThrow(DecryptionException::new);
        if (encoded.length < minimumLength(suite)) {
            throw new DecryptionException();
        }
        return new FieldCiphertext(suite, encoded.clone());
    }

    /**
     * Reads the text form.
     *
     * @param text {@value #TEXT_PREFIX} and unpadded base64url
     * @return the ciphertext, not yet authenticated
     * @throws DecryptionException if the text is not a well-formed version-1 ciphertext
     * @throws NullPointerException if {@code text} is null
     */
    public static FieldCiphertext parseText(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(TEXT_PREFIX)) {
            throw new DecryptionException();
        }
        String body = text.substring(TEXT_PREFIX.length());
        byte[] decoded;
        try {
            decoded = TEXT_DECODER.decode(body);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException();
        }
        // The JDK decoder also takes padding and ignores stray low bits; one value, one text.
        if (!canonical(body)) {
            throw new DecryptionException();
        }
        return parse(decoded);
    }

    /**
     * Whether text the decoder accepted is the one spelling the encoder gives: no padding, and the
     * bits of the last character beyond the encoded bytes are zero. (Equivalent to re-encoding and
     * comparing, without the second encoding.)
     */
    static boolean canonical(String body) {
        if (body.isEmpty()) {
            return true;
        }
        char last = body.charAt(body.length() - 1);
        if (last == '=') {
            return false;
        }
        int value = sextet(last);
        return switch (body.length() % 4) {
            case 2 -> (value & 0x0F) == 0;
            case 3 -> (value & 0x03) == 0;
            default -> true;
        };
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    /** Takes an encoded value this package has just written, without copying it. */
    static FieldCiphertext wrap(Suite suite, byte[] encoded) {
        return new FieldCiphertext(suite, encoded);
    }

    static byte[] header(Suite suite, int keyId) {
        byte[] header = new byte[HEADER_BYTES];
        writeHeader(header, suite, keyId, false);
        return header;
    }

    /** Writes the 7 header bytes at the start of {@code out}. */
    static void writeHeader(byte[] out, Suite suite, int keyId, boolean versionBound) {
        out[0] = (byte) VERSION;
        out[1] = (byte) Suites.code(suite);
        out[2] = (byte) (versionBound ? FLAGS | VERSION_BOUND : FLAGS);
        out[3] = (byte) (keyId >>> 24);
        out[4] = (byte) (keyId >>> 16);
        out[5] = (byte) (keyId >>> 8);
        out[6] = (byte) keyId;
    }

    /** @return the encoded length of a value of {@code plaintextLength} bytes sealed with the suite */
    static int encodedLength(Suite suite, int plaintextLength) {
        return minimumLength(suite) + plaintextLength;
    }

    private static int minimumLength(Suite suite) {
        return HEADER_BYTES + Suites.nonceBytes(suite) + KeyCommitment.BYTES + TAG_BYTES;
    }

    /** @return the suite the value was sealed with */
    public Suite suite() {
        return suite;
    }

    /** @return the id of the data key the value was sealed under (unsigned) */
    public int keyId() {
        return (encoded[3] & 0xFF) << 24 | (encoded[4] & 0xFF) << 16 | (encoded[5] & 0xFF) << 8 | (encoded[6] & 0xFF);
    }

    /**
     * @return whether the value was sealed bound to a cell version ({@link #VERSION_BOUND}); it then
     *     opens only with that version, and never without one
     */
    public boolean versionBound() {
        return (encoded[2] & VERSION_BOUND) != 0;
    }

    /** @return the binary form, a fresh copy */
    public byte[] encode() {
        return encoded.clone();
    }

    /** @return the text form: {@value #TEXT_PREFIX} and unpadded base64url */
    public String encodeText() {
        return TEXT_PREFIX + TEXT_ENCODER.encodeToString(encoded);
    }

    byte[] header() {
        return Arrays.copyOfRange(encoded, 0, HEADER_BYTES);
    }

    byte[] nonce() {
        return Arrays.copyOfRange(encoded, HEADER_BYTES, commitmentOffset());
    }

    byte[] commitment() {
        return Arrays.copyOfRange(encoded, commitmentOffset(), commitmentOffset() + KeyCommitment.BYTES);
    }

    /** @return ciphertext and tag */
    byte[] sealed() {
        return Arrays.copyOfRange(encoded, commitmentOffset() + KeyCommitment.BYTES, encoded.length);
    }

    int commitmentOffset() {
        return HEADER_BYTES + Suites.nonceBytes(suite);
    }

    /** @return offset of ciphertext and tag in {@link #encoded()} */
    int sealedOffset() {
        return commitmentOffset() + KeyCommitment.BYTES;
    }

    /** The encoded value itself, not copied: this package only reads it. */
    byte[] encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return "FieldCiphertext[suite=" + suite + ", keyId=" + Integer.toUnsignedString(keyId())
                + (versionBound() ? ", version-bound" : "") + ", bytes=" + encoded.length + "]";
    }
}
