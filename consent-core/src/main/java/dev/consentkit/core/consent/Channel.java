package dev.consentkit.core.consent;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A communication channel a consent may be narrowed to. The common ones are constants; a host may
 * name its own (e.g. {@code telegram}).
 *
 * @param code lower-case code of at most 32 characters
 */
public record Channel(String code) {
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** E-mail. */
    public static final Channel EMAIL = new Channel("email");
    /** SMS and other text messages to a phone number. */
    public static final Channel SMS = new Channel("sms");
    /** Voice calls. */
    public static final Channel PHONE = new Channel("phone");
    /** Letters by post. */
    public static final Channel POST = new Channel("post");

    /**
     * @throws IllegalArgumentException if not a lower-case code of at most 32 characters
     */
    public Channel {
        Objects.requireNonNull(code, "code");
        if (!FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("channel must match " + FORM.pattern());
        }
    }

    /**
     * @param code the channel code
     * @return the channel
     */
    public static Channel of(String code) {
        return new Channel(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
