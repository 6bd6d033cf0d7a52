package dev.consentkit.core.purpose;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What exactly the subject was shown: the notice, its version, the language and the SHA-256 of the
 * exact text (UTF-8 bytes). Pinned in every consent event so it can be proven later.
 *
 * @param notice the notice
 * @param version its version
 * @param locale the language shown
 * @param textSha256 lower-case hex SHA-256 of the exact text shown
 */
public record NoticeRef(NoticeId notice, NoticeVersion version, Locale locale, String textSha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException if the hash is not 64 lower-case hex characters
     */
    public NoticeRef {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(textSha256, "textSha256");
        if (!SHA256_HEX.matcher(textSha256).matches()) {
            throw new IllegalArgumentException("notice text hash must be 64 lower-case hex characters");
        }
    }
}
