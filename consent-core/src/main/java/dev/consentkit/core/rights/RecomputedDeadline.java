package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request whose provisional deadline was recomputed: its due times before and after, and
 * whether it is still provisional (a year it reaches still has no table). Names no subject.
 *
 * <p>Immutable.
 *
 * @param request the request's id
 * @param type what it asks for
 * @param oldDueAt the due time before
 * @param newDueAt the due time now
 * @param oldExtendedDueAt the extended due time before, if extended
 * @param newExtendedDueAt the extended due time now, if extended
 * @param stillProvisional whether the new deadline is still provisional
 */
public record RecomputedDeadline(RequestId request, RequestType type, Instant oldDueAt, Instant newDueAt,
                                 Optional<Instant> oldExtendedDueAt, Optional<Instant> newExtendedDueAt,
                                 boolean stillProvisional) {
    /** @throws IllegalArgumentException if only one of the extended due times is present */
    public RecomputedDeadline {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(oldDueAt, "oldDueAt");
        Objects.requireNonNull(newDueAt, "newDueAt");
        Objects.requireNonNull(oldExtendedDueAt, "oldExtendedDueAt");
        Objects.requireNonNull(newExtendedDueAt, "newExtendedDueAt");
        if (oldExtendedDueAt.isPresent() != newExtendedDueAt.isPresent()) {
            throw new IllegalArgumentException("request " + request + ": extended before and after, or neither");
        }
    }

    /** @return the due time in force before */
    public Instant oldCurrentDue() {
        return oldExtendedDueAt.orElse(oldDueAt);
    }

    /** @return the due time in force now */
    public Instant newCurrentDue() {
        return newExtendedDueAt.orElse(newDueAt);
    }

    /** @return whether the due time in force moved earlier */
    public boolean movedEarlier() {
        return newCurrentDue().isBefore(oldCurrentDue());
    }
}
