package dev.consentkit.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict UTF-8: a string with a lone surrogate is refused instead of being encoded as {@code "?"}
 * the way {@link String#getBytes(java.nio.charset.Charset)} does. Without this, {@code "user-?"} and
 * {@code "user-\uD800"} would give the same bytes, and so the same keyed hash, MAC or digest; and
 * {@code consent-crypto} would seal, bind or index {@code "a\uD800"} as {@code "a?"}.
 * Not API (exported to {@code dev.consentkit.crypto} only). Thread-safe (stateless).
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * @param value a string
     * @return whether every surrogate in it is part of a high-low pair
     * @throws NullPointerException if {@code value} is null
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
     * @param what what it is, for the message (never the value itself)
     * @return {@code value}
     * @throws IllegalArgumentException if it is not well-formed UTF-16 (a lone surrogate)
     * @throws NullPointerException if {@code value} is null
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
     * @param what what it is, for the message (never the value itself)
     * @return its UTF-8 bytes
     * @throws IllegalArgumentException if it is not well-formed UTF-16 (a lone surrogate)
     * @throws NullPointerException if {@code value} is null
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
