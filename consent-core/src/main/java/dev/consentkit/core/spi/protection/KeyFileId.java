package dev.consentkit.core.spi.protection;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The random id of a passphrase-sealed master-key file, under which the key store remembers the
 * highest generation of the file it has seen ({@link KeyStore#recordKeyFileGeneration}). Not secret.
 *
 * @param value 16 to 64 characters of {@code [A-Za-z0-9_-]}
 */
public record KeyFileId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /**
     * @throws IllegalArgumentException if the value is malformed
     */
    public KeyFileId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("key file id must be 16 to 64 characters of [A-Za-z0-9_-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
