package dev.consentkit.core.spi;

import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.internal.Micros;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A projection row as a store holds it, unvalidated: what {@code verifyLedger} compares with the
 * replay of the subject's ledger ({@link #of(ConsentState)} gives the values a store binds). Immutable.
 *
 * @param subjectId the subject id
 * @param purposeId the purpose id
 * @param channel the channel code, empty for none
 * @param assetId the asset id, empty for none
 * @param status the consent status, if any
 * @param sinceMicros since when
 * @param noticeId the notice id
 * @param noticeVersion the notice version
 * @param noticeLocale the notice locale as a language tag
 * @param noticeSha256 the hash of the notice text
 * @param validUntilMicros the end of validity
 * @param sequence the ledger sequence of the latest status event
 * @param restricted whether processing is restricted
 * @param objected whether the subject objected
 */
public record StoredProjectionRow(String subjectId, String purposeId, String channel, String assetId,
                                  Optional<String> status, long sinceMicros, Optional<String> noticeId,
                                  Optional<String> noticeVersion, Optional<String> noticeLocale,
                                  Optional<String> noticeSha256, OptionalLong validUntilMicros, long sequence,
                                  boolean restricted, boolean objected) {
    /** Checks for nulls only: the values are what was stored. */
    public StoredProjectionRow {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(purposeId, "purposeId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(noticeVersion, "noticeVersion");
        Objects.requireNonNull(noticeLocale, "noticeLocale");
        Objects.requireNonNull(noticeSha256, "noticeSha256");
        Objects.requireNonNull(validUntilMicros, "validUntilMicros");
    }

    /**
     * @param s a state
     * @return the row a store keeps for it
     * @throws IllegalArgumentException if a time has sub-microsecond precision
     */
    public static StoredProjectionRow of(ConsentState s) {
        Optional<NoticeRef> n = s.notice();
        return new StoredProjectionRow(s.scope().subject().value(), s.scope().purpose().value(),
                s.scope().channel().map(Channel::code).orElse(""), s.scope().asset().map(AssetId::value).orElse(""),
                s.status().map(Enum::name), Micros.of(s.since(), "since"), n.map(r -> r.notice().value()),
                n.map(r -> r.version().toString()), n.map(r -> r.locale().toLanguageTag()),
                n.map(NoticeRef::textSha256),
                s.validUntil().map(t -> OptionalLong.of(Micros.of(t, "validUntil"))).orElse(OptionalLong.empty()),
                s.sequence(), s.restricted(), s.objected());
    }

    /** @return the key of the row: subject, purpose, channel, asset */
    public String key() {
        return subjectId + '\u0000' + purposeId + '\u0000' + channel + '\u0000' + assetId;
    }
}
