package dev.consentkit.core.hold;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places and lifts legal holds; every change is written with its audit event in one unit of work.
 * Retention disposal and erasure consult the active holds and keep what they cover, naming the
 * hold's reason.
 *
 * <pre>{@code
 * LegalHold hold = LegalHolds.of(kit).place(HoldScope.forSubject(client).andCategory(CategoryId.of("billing")),
 *         "tax audit 2026-17", Actor.operator("lawyer-1"));
 * ...
 * LegalHolds.of(kit).lift(hold.id(), Actor.operator("lawyer-1"));
 * }</pre>
 *
 * <p>Thread-safe. Obtained from {@link #of(ConsentKit)}.
 */
public final class LegalHolds {
    /** A legal hold placed; reference: the hold id. */
    public static final AuditAction HOLD_PLACED = new AuditAction("legal_hold.placed");
    /** A legal hold lifted; reference: the hold id. */
    public static final AuditAction HOLD_LIFTED = new AuditAction("legal_hold.lifted");
    private static final Logger LOG = LoggerFactory.getLogger(LegalHolds.class);
    private final ConsentKit kit;

    private LegalHolds(ConsentKit kit) {
        this.kit = kit;
    }

    /**
     * @param kit the kit whose storage, catalogue, clock and audit chain are used
     * @return the holds of that kit
     */
    public static LegalHolds of(ConsentKit kit) {
        KitContext.of(Objects.requireNonNull(kit, "kit")).requirePort(HoldStore.class, InMemoryHolds::new);
        return new LegalHolds(kit);
    }

    /**
     * Places a hold.
     *
     * @param scope what it covers
     * @param reason why: a case number or a statute, 1 to {@value LegalHold#MAX_REASON} printable
     *               characters, no personal data
     * @param actor who placed it
     * @return the stored hold
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the scope names an undeclared purpose
     * @throws IllegalArgumentException if it names an undeclared data category or the reason is malformed
     */
    public LegalHold place(HoldScope scope, String reason, Actor actor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(actor, "actor");
        LegalHold.checkReason(reason);
        scope.purpose().ifPresent(kit.catalog()::require);
        scope.category().ifPresent(c -> {
            if (kit.catalog().category(c).isEmpty()) {
                throw new IllegalArgumentException("legal hold names unknown data category '" + c + "'");
            }
        });
        Instant now = now();
        LegalHold hold = new LegalHold(UUID.randomUUID(), scope, reason, actor, now, Optional.empty());
        KitContext.of(kit).storage().inTransaction(tx -> {
            HoldStore.in(tx).add(hold);
            KitContext.of(kit).append(tx, event(now, actor, HOLD_PLACED, hold));
            return null;
        });
        LOG.info("legal hold {} placed: {}", hold.id(), scope);
        return hold;
    }

    /**
     * Lifts an active hold.
     *
     * @param id the hold id
     * @param actor who lifts it
     * @return the lifted hold
     * @throws UnknownLegalHoldException if no hold has that id
     * @throws IllegalStateException if it was lifted already
     */
    public LegalHold lift(UUID id, Actor actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        LegalHold lifted = KitContext.of(kit).storage().inTransaction(tx -> {
            LegalHold hold = HoldStore.in(tx).find(id).orElseThrow(() -> new UnknownLegalHoldException(id));
            LegalHold after = hold.lift(actor, now);
            if (!HoldStore.in(tx).lift(id, after.lifted().orElseThrow())) {
                throw new IllegalStateException("legal hold " + id + " was lifted already");
            }
            KitContext.of(kit).append(tx, event(now, actor, HOLD_LIFTED, after));
            return after;
        });
        LOG.info("legal hold {} lifted", id);
        return lifted;
    }

    /**
     * @param id a hold id
     * @return the hold, active or lifted
     */
    public Optional<LegalHold> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return KitContext.of(kit).storage().read(tx -> HoldStore.in(tx).find(id));
    }

    /** @return every active hold, oldest first */
    public List<LegalHold> active() {
        return KitContext.of(kit).storage().read(tx -> HoldStore.in(tx).active());
    }

    /**
     * @param subject a subject
     * @return the active holds that can cover the subject's data (naming it, or naming no subject)
     */
    public List<LegalHold> activeFor(SubjectId subject) {
        Objects.requireNonNull(subject, "subject");
        return KitContext.of(kit).storage().read(tx -> HoldStore.in(tx).activeFor(subject));
    }

    private AuditEvent event(Instant at, Actor actor, AuditAction action, LegalHold hold) {
        Optional<KeyedHash> subjectRef = hold.scope().subject().map(kit::subjectRef);
        Optional<PurposeId> purpose = hold.scope().purpose();
        return new AuditEvent(at, actor, action, subjectRef, purpose, AuditOutcome.SUCCESS,
                Optional.of(hold.id().toString()));
    }

    private Instant now() {
        return KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "LegalHolds[" + KitContext.of(kit).storage() + "]";
    }
}
