package dev.consentkit.core.consent;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a consent is about: a subject and a purpose, optionally narrowed to a channel and/or an asset.
 *
 * <p>When a check asks about a narrow scope (newsletter by e-mail), every recorded scope that covers
 * it (newsletter by e-mail; newsletter on any channel) applies, and the latest event among them wins.
 *
 * @param subject the data subject
 * @param purpose the purpose
 * @param channel the channel, if narrowed
 * @param asset the asset, if narrowed
 */
public record ConsentScope(SubjectId subject, PurposeId purpose, Optional<Channel> channel, Optional<AssetId> asset) {
    /** Checks for nulls. */
    public ConsentScope {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(asset, "asset");
    }

    /**
     * @param subject the data subject
     * @param purpose the purpose
     * @return the scope of the whole purpose
     */
    public static ConsentScope of(SubjectId subject, PurposeId purpose) {
        return new ConsentScope(subject, purpose, Optional.empty(), Optional.empty());
    }

    /**
     * @param channel a channel
     * @return a copy narrowed to it
     */
    public ConsentScope withChannel(Channel channel) {
        return new ConsentScope(subject, purpose, Optional.of(channel), asset);
    }

    /**
     * @param asset an asset
     * @return a copy narrowed to it
     */
    public ConsentScope withAsset(AssetId asset) {
        return new ConsentScope(subject, purpose, channel, Optional.of(asset));
    }

    /** @return whether neither channel nor asset narrows it */
    public boolean isWholePurpose() {
        return channel.isEmpty() && asset.isEmpty();
    }

    /**
     * @param other another scope
     * @return whether this scope covers {@code other}: same subject and purpose, and each narrowing
     *         of this one is also that of the other
     */
    public boolean covers(ConsentScope other) {
        return subject.equals(other.subject) && purpose.equals(other.purpose)
                && (channel.isEmpty() || channel.equals(other.channel))
                && (asset.isEmpty() || asset.equals(other.asset));
    }

    @Override
    public String toString() {
        return subject + "/" + purpose + channel.map(c -> "/channel=" + c).orElse("")
                + asset.map(a -> "/asset=" + a).orElse("");
    }
}
