package dev.consentkit.core.spi;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.AssetId;
import dev.consentkit.core.consent.Channel;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.Evidence;
import dev.consentkit.core.consent.IdempotencyKey;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.purpose.NoticeId;
import dev.consentkit.core.purpose.NoticeRef;
import dev.consentkit.core.purpose.NoticeVersion;
import dev.consentkit.core.internal.Micros;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A ledger row as a store holds it: the stored text of every column, unvalidated. It is what the
 * audit entry of a ledger event digests ({@code AuditChain.ledgerDigest}), so the digest can be
 * recomputed from a raw row without parsing it, and an edited row is a digest that no longer matches
 * rather than an exception. {@link #of(long, ConsentEvent)} gives the exact values a store binds
 * (an absent channel or asset is the empty string); a store must give them back unchanged. Immutable.
 *
 * @param sequence the ledger sequence
 * @param eventId the event id
 * @param subjectId the subject id
 * @param purposeId the purpose id
 * @param channel the channel code, empty for none
 * @param assetId the asset id, empty for none
 * @param kind the event kind
 * @param occurredAtMicros when it occurred
 * @param recordedAtMicros when it was recorded
 * @param noticeId the notice id
 * @param noticeVersion the notice version
 * @param noticeLocale the notice locale as a language tag
 * @param noticeSha256 the hash of the notice text
 * @param method the collection method
 * @param formId the form id
 * @param ipHash the keyed hash of the IP address
 * @param uaHash the keyed hash of the user agent
 * @param actorKind who recorded it: kind
 * @param actorId who recorded it: id
 * @param guardianId the guardian
 * @param attachmentRef the attachment reference
 * @param validUntilMicros the end of validity
 * @param idempotencyKey the idempotency key
 * @param requestDigest the request digest
 */
public record StoredLedgerRow(long sequence, String eventId, String subjectId, String purposeId, String channel,
                              String assetId, String kind, long occurredAtMicros, long recordedAtMicros,
                              Optional<String> noticeId, Optional<String> noticeVersion, Optional<String> noticeLocale,
                              Optional<String> noticeSha256, String method, Optional<String> formId,
                              Optional<String> ipHash, Optional<String> uaHash, String actorKind,
                              Optional<String> actorId, Optional<String> guardianId, Optional<String> attachmentRef,
                              OptionalLong validUntilMicros, Optional<String> idempotencyKey, String requestDigest) {
    /** Checks for nulls only: the values are what was stored. */
    public StoredLedgerRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(purposeId, "purposeId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(noticeVersion, "noticeVersion");
        Objects.requireNonNull(noticeLocale, "noticeLocale");
        Objects.requireNonNull(noticeSha256, "noticeSha256");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(ipHash, "ipHash");
        Objects.requireNonNull(uaHash, "uaHash");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(guardianId, "guardianId");
        Objects.requireNonNull(attachmentRef, "attachmentRef");
        Objects.requireNonNull(validUntilMicros, "validUntilMicros");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestDigest, "requestDigest");
    }

    /**
     * @param entry a ledger entry
     * @return the row a store keeps for it
     * @throws IllegalArgumentException if a time has sub-microsecond precision
     */
    public static StoredLedgerRow of(LedgerEntry entry) {
        return of(entry.sequence(), entry.event());
    }

    /**
     * @param sequence the sequence the store gave it (any value when binding an insert)
     * @param e the event
     * @return the row a store keeps for it
     * @throws IllegalArgumentException if a time has sub-microsecond precision
     */
    public static StoredLedgerRow of(long sequence, ConsentEvent e) {
        Objects.requireNonNull(e, "event");
        Optional<NoticeRef> n = e.notice();
        Evidence ev = e.evidence();
        return new StoredLedgerRow(sequence, e.id().toString(), e.scope().subject().value(),
                e.scope().purpose().value(), e.scope().channel().map(Channel::code).orElse(""),
                e.scope().asset().map(AssetId::value).orElse(""), e.kind().name(),
                Micros.of(e.occurredAt(), "occurredAt"), Micros.of(e.recordedAt(), "recordedAt"),
                n.map(r -> r.notice().value()), n.map(r -> r.version().toString()),
                n.map(r -> r.locale().toLanguageTag()), n.map(NoticeRef::textSha256), ev.method().name(),
                ev.formId(), ev.ipHash().map(KeyedHash::value), ev.userAgentHash().map(KeyedHash::value),
                ev.recordedBy().kind().name(), ev.recordedBy().id(), ev.guardian(), ev.attachmentRef(),
                e.validUntil().map(t -> OptionalLong.of(Micros.of(t, "validUntil"))).orElse(OptionalLong.empty()),
                e.idempotencyKey().map(IdempotencyKey::value), e.requestDigest());
    }

    /**
     * @return the entry this row holds
     * @throws IllegalArgumentException if a stored value is not valid (an edited or corrupt row)
     */
    public LedgerEntry toEntry() {
        Optional<NoticeRef> notice = noticeId.isEmpty() ? Optional.empty()
                : Optional.of(new NoticeRef(NoticeId.of(noticeId.get()), NoticeVersion.parse(required(noticeVersion)),
                        Locale.forLanguageTag(required(noticeLocale)), required(noticeSha256)));
        Evidence evidence = new Evidence(CollectionMethod.valueOf(method), formId, ipHash.map(KeyedHash::new),
                uaHash.map(KeyedHash::new), new Actor(Actor.Kind.valueOf(actorKind), actorId), guardianId,
                attachmentRef);
        ConsentScope scope = new ConsentScope(SubjectId.of(subjectId), PurposeId.of(purposeId),
                channel.isEmpty() ? Optional.empty() : Optional.of(Channel.of(channel)),
                assetId.isEmpty() ? Optional.empty() : Optional.of(AssetId.of(assetId)));
        ConsentEvent event = new ConsentEvent(UUID.fromString(eventId), scope, ConsentEvent.Kind.valueOf(kind),
                Micros.instant(occurredAtMicros), Micros.instant(recordedAtMicros), notice, evidence,
                validUntilMicros.isPresent() ? Optional.of(Micros.instant(validUntilMicros.getAsLong())) : Optional.empty(),
                idempotencyKey.map(IdempotencyKey::new), requestDigest);
        return new LedgerEntry(sequence, event);
    }

    private static String required(Optional<String> value) {
        return value.orElseThrow(() -> new IllegalArgumentException("a notice column is missing"));
    }
}
