package dev.consentkit.core.consent;

import dev.consentkit.core.purpose.NoticeRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The current state of one consent scope: a row of the projection of the ledger.
 *
 * <p>Restriction and objection are kept on the whole-purpose scope only.
 *
 * @param scope the scope
 * @param status the latest consent status, empty if only restriction/objection events exist
 * @param since when the latest status event occurred (or the first event, if there is no status)
 * @param notice the notice of the latest consent that named one
 * @param validUntil end of validity of the current given consent, if it expires
 * @param sequence ledger sequence of the latest status event, 0 if there is none
 * @param restricted whether processing for the purpose is restricted
 * @param objected whether the subject objected to the purpose
 */
public record ConsentState(ConsentScope scope, Optional<ConsentStatus> status, Instant since,
                           Optional<NoticeRef> notice, Optional<Instant> validUntil, long sequence,
                           boolean restricted, boolean objected) {
    /** Checks for nulls. */
    public ConsentState {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(validUntil, "validUntil");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }
}
