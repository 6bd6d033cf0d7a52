package dev.consentkit.core.audit;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened, by whom, to whom (pseudonymously) and with what outcome. Holds no personal value:
 * the subject appears only as a keyed hash.
 *
 * @param time when it happened
 * @param actor who did it
 * @param action what was done
 * @param subjectRef keyed hash of the subject, if one was concerned
 * @param purpose the purpose, if one was concerned
 * @param outcome how it ended
 * @param reference id of the record it produced (a ledger event id), if any
 */
public record AuditEvent(Instant time, Actor actor, AuditAction action, Optional<KeyedHash> subjectRef,
                         Optional<PurposeId> purpose, AuditOutcome outcome, Optional<String> reference) {
    /**
     * @throws IllegalArgumentException if the reference is longer than 128 characters
     */
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reference, "reference");
        reference.ifPresent(r -> {
            if (r.isBlank() || r.length() > 128) {
                throw new IllegalArgumentException("audit reference must have 1 to 128 characters");
            }
        });
    }
}
