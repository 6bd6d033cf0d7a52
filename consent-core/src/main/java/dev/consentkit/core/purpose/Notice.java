package dev.consentkit.core.purpose;

import dev.consentkit.core.LocalizedText;
import dev.consentkit.core.internal.Utf8;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The text a subject is shown before consenting, kept in every version and language ever published.
 *
 * <p>Immutable and thread-safe. The highest version is {@link #current()}. Consents given under an
 * earlier <em>major</em> version are outdated; under an earlier minor version of the current major
 * they still hold.
 */
public final class Notice {
    private final NoticeId id;
    private final TreeMap<NoticeVersion, LocalizedText> versions;

    private Notice(NoticeId id, TreeMap<NoticeVersion, LocalizedText> versions) {
        this.id = id;
        this.versions = versions;
    }

    /**
     * @param id the notice id
     * @return a builder; add at least one version
     */
    public static Builder builder(NoticeId id) {
        return new Builder(Objects.requireNonNull(id, "id"));
    }

    /** @return the notice id */
    public NoticeId id() {
        return id;
    }

    /** @return the highest published version */
    public NoticeVersion current() {
        return versions.lastKey();
    }

    /** @return every version, lowest first */
    public List<NoticeVersion> versions() {
        return List.copyOf(versions.keySet());
    }

    /**
     * @param version a version
     * @return its text in every language, if that version exists
     */
    public Optional<LocalizedText> text(NoticeVersion version) {
        return Optional.ofNullable(versions.get(version));
    }

    /**
     * Pins what is shown: the exact text of {@code version} in {@code locale} and its SHA-256.
     *
     * @param version an existing version
     * @param locale a language that version has
     * @return the reference a consent event stores
     * @throws UnknownNoticeVersionException if the version or the language does not exist
     */
    public NoticeRef ref(NoticeVersion version, Locale locale) {
        LocalizedText text = versions.get(version);
        if (text == null) {
            throw new UnknownNoticeVersionException(id, version.toString(), "no such version");
        }
        String shown = text.in(locale).orElseThrow(() ->
                new UnknownNoticeVersionException(id, version.toString(), "no text in locale " + locale.toLanguageTag()));
        return new NoticeRef(id, version, locale, sha256Hex(shown));
    }

    /**
     * @param ref a reference pinned in an event
     * @return whether it was given under the current major version
     */
    public boolean isCurrent(NoticeRef ref) {
        return ref.notice().equals(id) && ref.version().sameMajor(current());
    }

    /**
     * @param text the exact text
     * @return lower-case hex SHA-256 of its UTF-8 bytes
     * @throws IllegalArgumentException if the text has a lone surrogate (two texts would share a digest)
     */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Utf8.encode(text, "notice text")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "Notice[" + id + " " + versions.keySet() + "]";
    }

    /** Collects the versions of a notice. Not thread-safe. */
    public static final class Builder {
        private final NoticeId id;
        private final TreeMap<NoticeVersion, LocalizedText> versions = new TreeMap<>();

        private Builder(NoticeId id) {
            this.id = id;
        }

        /**
         * @param version e.g. {@code "1.0"}
         * @param text the text of that version in each language
         * @return this builder
         * @throws IllegalArgumentException if the version is malformed or was already added
         */
        public Builder version(String version, LocalizedText text) {
            NoticeVersion v = NoticeVersion.parse(version);
            Objects.requireNonNull(text, "text");
            if (versions.putIfAbsent(v, text) != null) {
                throw new IllegalArgumentException("notice " + id + " has version " + v + " twice");
            }
            return this;
        }

        /**
         * @return the immutable notice
         * @throws IllegalStateException if no version was added
         */
        public Notice build() {
            if (versions.isEmpty()) {
                throw new IllegalStateException("notice " + id + " has no version");
            }
            return new Notice(id, new TreeMap<>(versions));
        }
    }

    /** @return every version with its text, lowest first */
    public Map<NoticeVersion, LocalizedText> texts() {
        return Collections.unmodifiableMap(versions);
    }
}
