package dev.consentkit.core.consent;

import dev.consentkit.core.purpose.NoticeRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One immutable entry of the consent ledger: a status change of a consent, or a change of the
 * enforced restriction/objection state of a purpose for a subject.
 *
 * <p>Events are only ever appended. The current state ({@link ConsentState}) is a projection of them
 * ({@link ConsentProjector}).
 *
 * @param id unique id of the event
 * @param scope what it is about
 * @param kind what happened
 * @param occurredAt when it happened (may be earlier than {@code recordedAt}: a paper form, an import)
 * @param recordedAt when ConsentKit recorded it
 * @param notice the notice shown, for events that answer a notice (given, renewed, requested, refused)
 * @param evidence proof of how it came about
 * @param validUntil end of validity of a given or renewed consent, if the purpose expires consents
 * @param idempotencyKey the caller's idempotency key, if one was given
 * @param requestDigest digest of the capture request (1 to 64 printable ASCII characters), compared on
 *                      a repeated idempotency key
 */
public record ConsentEvent(UUID id, ConsentScope scope, Kind kind, Instant occurredAt, Instant recordedAt,
                           Optional<NoticeRef> notice, Evidence evidence, Optional<Instant> validUntil,
                           Optional<IdempotencyKey> idempotencyKey, String requestDigest) {

    /**
     * What an event records. The first eight are the consent statuses of ISO/IEC TS 27560; the last
     * four switch the enforced processing limits of Art. 18 (restriction) and Art. 21 (objection).
     */
    public enum Kind {
        /** Consent given. */
        GIVEN(ConsentStatus.GIVEN),
        /** Consent re-confirmed. */
        RENEWED_GIVEN(ConsentStatus.RENEWED_GIVEN),
        /** Consent asked for. */
        REQUESTED(ConsentStatus.REQUESTED),
        /** Consent refused. */
        REFUSED(ConsentStatus.REFUSED),
        /** Consent withdrawn by the subject. */
        WITHDRAWN(ConsentStatus.WITHDRAWN),
        /** Consent revoked by someone else. */
        REVOKED(ConsentStatus.REVOKED),
        /** Consent ran out. */
        EXPIRED(ConsentStatus.EXPIRED),
        /** Consent invalidated (major notice change). */
        INVALIDATED(ConsentStatus.INVALIDATED),
        /** Processing for the purpose restricted (Art. 18, 152-FZ blocking). */
        RESTRICTED(null),
        /** Restriction lifted. */
        RESTRICTION_LIFTED(null),
        /** The subject objected to the purpose (Art. 21). */
        OBJECTED(null),
        /** Objection lifted. */
        OBJECTION_LIFTED(null);

        private final ConsentStatus status;

        Kind(ConsentStatus status) {
            this.status = status;
        }

        /** @return the consent status this kind sets, empty for restriction and objection kinds */
        public Optional<ConsentStatus> status() {
            return Optional.ofNullable(status);
        }
    }

    /**
     * @throws IllegalArgumentException if a restriction/objection event is narrowed to a channel or
     *                                  asset, or {@code validUntil} is set on a kind that is not valid
     */
    public ConsentEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestDigest, "requestDigest");
        if (requestDigest.isBlank() || requestDigest.length() > 64
                || requestDigest.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("request digest must have 1 to 64 printable ASCII characters without blanks");
        }
        if (kind.status().isEmpty() && !scope.isWholePurpose()) {
            throw new IllegalArgumentException(kind + " applies to a whole purpose, not to a channel or an asset");
        }
        if (validUntil.isPresent() && !kind.status().map(ConsentStatus::isValid).orElse(false)) {
            throw new IllegalArgumentException("only given or renewed consent has a validity end");
        }
    }
}
