package dev.consentkit;

import dev.consentkit.core.spi.Reads;
import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.ConsentProjector;
import dev.consentkit.core.consent.ConsentScope;
import dev.consentkit.core.consent.ConsentState;
import dev.consentkit.core.consent.IdempotencyConflictException;
import dev.consentkit.core.consent.LedgerEntry;
import dev.consentkit.core.consent.SuppressionEntry;
import dev.consentkit.core.internal.HmacKeyedHasher;
import dev.consentkit.core.spi.ConsentStorage;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.SubjectLock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes ledger events: lock the scope, append, project, audit, in one unit of work, with idempotency
 * and retry on write conflicts. Thread-safe.
 */
final class ConsentRecorder {
    private static final int ATTEMPTS = 20;
    private final ConsentStorage storage;
    private final AuditTrail audit;
    private final HmacKeyedHasher hasher;

    ConsentRecorder(ConsentStorage storage, AuditTrail audit, HmacKeyedHasher hasher) {
        this.storage = storage;
        this.audit = audit;
        this.hasher = hasher;
    }

    /**
     * Runs a writing unit of work, retrying it when another writer won a race. A unit that joined a
     * host transaction is not retried by the kit: the conflict goes to the host, whose transaction it
     * is (on some databases a deadlock victim's whole transaction is rolled back).
     */
    <T> T write(Function<StorageTransaction, T> work) {
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean[] joined = {false};
            try {
                return storage.inTransaction(tx -> {
                    joined[0] = !tx.ownsTransaction();
                    return work.apply(tx);
                });
            } catch (ConcurrentUpdateException e) {
                if (joined[0]) {
                    throw e;
                }
                last = e;
                // jittered, growing pause so that colliding writers do not collide again at once
                long maxMicros = 100L << Math.min(attempt, 8);
                java.util.concurrent.locks.LockSupport.parkNanos(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(maxMicros) * 1_000);
            }
        }
        throw last;
    }

    /**
     * Locks the rows of a subject and purpose until the unit ends: writers of the same scope take
     * turns, so the projection is read after the previous writer committed.
     */
    void lock(StorageTransaction tx, SubjectId subject, PurposeId purpose) {
        tx.projection().lock(List.of(SubjectLock.of(subject, purpose)));
    }

    /**
     * Records {@code event} unless its idempotency key was used already: then returns the earlier
     * entry if it was the same request, and refuses it otherwise.
     */
    LedgerEntry record(StorageTransaction tx, ConsentEvent event) {
        ConsentScope scope = event.scope();
        lock(tx, scope.subject(), scope.purpose());
        if (event.idempotencyKey().isPresent()) {
            Optional<LedgerEntry> earlier = tx.ledger().findByIdempotencyKey(event.idempotencyKey().get());
            if (earlier.isPresent()) {
                if (earlier.get().event().requestDigest().equals(event.requestDigest())) {
                    return earlier.get();
                }
                throw new IdempotencyConflictException(event.idempotencyKey().get());
            }
        }
        LedgerEntry entry = tx.ledger().append(event);
        Optional<ConsentState> current = Reads.states(tx, scope.subject(), scope.purpose()).stream()
                .filter(s -> s.scope().equals(scope))
                .findFirst();
        tx.projection().put(ConsentProjector.apply(current, entry));
        audit.append(tx, new AuditEvent(event.recordedAt(), event.evidence().recordedBy(), action(event.kind()),
                Optional.of(subjectRef(scope.subject())), Optional.of(scope.purpose()), AuditOutcome.SUCCESS,
                Optional.of(event.id().toString())), entry);
        return entry;
    }

    boolean suppress(StorageTransaction tx, SuppressionEntry entry, Actor actor) {
        boolean added = tx.suppression().add(entry);
        if (added) {
            audit.append(tx, new AuditEvent(entry.since(), actor, AuditAction.SUPPRESSION_ADDED, Optional.of(entry.hash()),
                    entry.purpose(), AuditOutcome.SUCCESS, Optional.empty()));
        }
        return added;
    }

    KeyedHash subjectRef(SubjectId subject) {
        return hasher.hash("subject", subject.value());
    }

    private static AuditAction action(ConsentEvent.Kind kind) {
        return switch (kind) {
            case GIVEN -> AuditAction.CONSENT_GIVEN;
            case RENEWED_GIVEN -> AuditAction.CONSENT_RENEWED;
            case REQUESTED -> AuditAction.CONSENT_REQUESTED;
            case REFUSED -> AuditAction.CONSENT_REFUSED;
            case WITHDRAWN -> AuditAction.CONSENT_WITHDRAWN;
            case REVOKED -> AuditAction.CONSENT_REVOKED;
            case EXPIRED -> AuditAction.CONSENT_EXPIRED;
            case INVALIDATED -> AuditAction.CONSENT_INVALIDATED;
            case RESTRICTED -> AuditAction.PROCESSING_RESTRICTED;
            case RESTRICTION_LIFTED -> AuditAction.RESTRICTION_LIFTED;
            case OBJECTED -> AuditAction.PROCESSING_OBJECTED;
            case OBJECTION_LIFTED -> AuditAction.OBJECTION_LIFTED;
        };
    }
}
