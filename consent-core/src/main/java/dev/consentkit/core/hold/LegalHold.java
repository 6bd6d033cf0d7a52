package dev.consentkit.core.hold;

import dev.consentkit.core.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A legal hold: data that must not be disposed of or erased while it lasts (a court case, a tax
 * audit, a regulator's request), whatever retention or an erasure request would otherwise do. Placed
 * and lifted through {@link LegalHolds}; both are audited.
 *
 * <p>The reason is shown to the subject in an erasure outcome and kept in the store: it names the
 * ground (a case number, a statute), never a personal value. Immutable and thread-safe.
 *
 * @param id the hold's id
 * @param scope what it covers
 * @param reason why, 1 to {@value #MAX_REASON} printable characters
 * @param placedBy who placed it
 * @param placedAt when
 * @param lifted who lifted it and when, once lifted
 */
public record LegalHold(UUID id, HoldScope scope, String reason, Actor placedBy, Instant placedAt,
                        Optional<Lifting> lifted) {
    /** Longest accepted reason. */
    public static final int MAX_REASON = 256;

    /**
     * Who lifted a hold and when.
     *
     * @param by who lifted it
     * @param at when
     */
    public record Lifting(Actor by, Instant at) {
        /** Checks for nulls. */
        public Lifting {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @throws IllegalArgumentException if the reason is blank, too long or has control characters, or
     *                                  the hold was lifted before it was placed
     */
    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(lifted, "lifted");
        checkReason(reason);
        lifted.ifPresent(l -> {
            if (l.at().isBefore(placedAt)) {
                throw new IllegalArgumentException("a legal hold cannot be lifted before it was placed");
            }
        });
    }

    static String checkReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a legal hold's reason must have 1 to " + MAX_REASON
                    + " printable characters");
        }
        return reason;
    }

    /** @return whether the hold is in force (not lifted) */
    public boolean isActive() {
        return lifted.isEmpty();
    }

    /**
     * @param by who lifts it
     * @param at when
     * @return this hold, lifted
     * @throws IllegalStateException if it was lifted already
     */
    public LegalHold lift(Actor by, Instant at) {
        if (lifted.isPresent()) {
            throw new IllegalStateException("legal hold " + id + " was lifted already");
        }
        return new LegalHold(id, scope, reason, placedBy, placedAt, Optional.of(new Lifting(by, at)));
    }

    @Override
    public String toString() {
        return "LegalHold[" + id + ", " + scope + (isActive() ? ", active" : ", lifted") + "]";
    }
}
