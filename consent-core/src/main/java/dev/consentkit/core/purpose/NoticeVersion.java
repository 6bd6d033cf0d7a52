package dev.consentkit.core.purpose;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code major.minor} notice version. A new major version changes what the subject agrees to and
 * invalidates consents given under earlier majors; a new minor version (a typo, a layout fix) does not.
 *
 * @param major major number, 0 or more
 * @param minor minor number, 0 or more
 */
public record NoticeVersion(int major, int minor) implements Comparable<NoticeVersion> {
    private static final Pattern FORM = Pattern.compile("[0-9]{1,6}\\.[0-9]{1,6}");

    /**
     * @throws IllegalArgumentException if a number is negative
     */
    public NoticeVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("notice version numbers must not be negative");
        }
    }

    /**
     * @param text e.g. {@code "2.1"}
     * @return the version
     * @throws IllegalArgumentException if not of the form {@code major.minor}
     */
    public static NoticeVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("notice version must be of the form major.minor");
        }
        int dot = text.indexOf('.');
        return new NoticeVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    /**
     * @param other another version
     * @return whether both share the major number, so a consent under one holds under the other
     */
    public boolean sameMajor(NoticeVersion other) {
        return major == other.major;
    }

    @Override
    public int compareTo(NoticeVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
