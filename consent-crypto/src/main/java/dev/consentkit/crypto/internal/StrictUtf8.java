package dev.consentkit.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 that refuses a lone surrogate instead of writing {@code "?"} for it, as
 * {@link String#getBytes(java.nio.charset.Charset)} does: otherwise {@code "a\uD800"} and {@code "a?"}
 * would seal, bind or index as the same bytes. Not API. Thread-safe (stateless).
 */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /**
     * @param value a string
     * @return whether every surrogate in it is half of a high-low pair
     */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param value a string
     * @param what what it is, for the message (the value itself is never echoed)
     * @return {@code value}
     * @throws IllegalArgumentException if it has a lone surrogate
     */
    public static String requireWellFormed(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(what + " is not well-formed UTF-16 (it has a lone surrogate)");
        }
        return value;
    }

    /**
     * @param value a string
     * @param what what it is, for the message (the value itself is never echoed)
     * @return its UTF-8 bytes
     * @throws IllegalArgumentException if it has a lone surrogate
     */
    public static byte[] encode(String value, String what) {
        Objects.requireNonNull(value, what);
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] out = new byte[encoded.remaining()];
            encoded.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not well-formed UTF-16 (it has a lone surrogate)");
        }
    }
}
