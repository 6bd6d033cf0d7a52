package dev.consentkit.core.rights;

import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.jurisdiction.InvalidExtensionException;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.DeadlineCalculator;
import dev.consentkit.core.jurisdiction.DueTime;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.UnknownCalendarYearException;
import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of {@link SubjectRights#recomputeProvisionalDeadlines}: pages through the open provisional
 * requests by id and recomputes each in its own unit of work, compare-and-set on the request as read.
 * Not thread-safe: one per run.
 */
final class DeadlineRecomputer {
    private static final int PAGE = 500;
    private static final int ATTEMPTS = 20;
    private final ConsentKit kit;
    private final DeadlineCalculator deadlines;
    private final Instant now;

    /**
     * @param kit the kit whose storage and audit chain to use
     * @param deadlines the rules to count by: the kit's jurisdiction with the calendar it has now
     * @param now the time of the run, for the audit events
     */
    DeadlineRecomputer(ConsentKit kit, DeadlineCalculator deadlines, Instant now) {
        this.kit = kit;
        this.deadlines = deadlines;
        this.now = now;
    }

    DeadlineRecomputation run(Actor actor) {
        List<RecomputedDeadline> changed = new ArrayList<>();
        int unchanged = 0;
        int skipped = 0;
        Optional<RequestId> after = Optional.empty();
        while (true) {
            Optional<RequestId> from = after;
            List<SubjectRequest> page = KitContext.of(kit).storage().read(tx -> RequestStore.in(tx).openProvisional(from, PAGE));
            for (SubjectRequest r : page) {
                Recomputation outcome = recompute(r.id(), actor);
                switch (outcome.kind()) {
                    case CHANGED -> changed.add(outcome.change().orElseThrow());
                    case UNCHANGED -> unchanged++;
                    case SKIPPED -> skipped++;
                }
            }
            if (page.size() < PAGE) {
                return new DeadlineRecomputation(changed, unchanged, skipped);
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    private Recomputation recompute(RequestId id, Actor actor) {
        boolean contended = false;
        for (int attempt = 1; ; attempt++) {
            boolean lostBefore = contended;
            try {
                return KitContext.of(kit).storage().inTransaction(tx -> recompute(tx, id, actor, lostBefore));
            } catch (ConcurrentUpdateException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                contended = true;
                // jittered, growing pause, so that runs on several instances do not collide again at once
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100L << Math.min(attempt, 8)) * 1_000);
            }
        }
    }

    private Recomputation recompute(StorageTransaction tx, RequestId id, Actor actor, boolean lostBefore) {
        Optional<SubjectRequest> found = RequestStore.in(tx).find(id);
        if (found.isEmpty() || !found.get().isOpen() || !found.get().isProvisional()
                || !found.get().jurisdiction().equals(deadlines.jurisdiction().id())) {
            return Recomputation.SKIPPED;
        }
        SubjectRequest current = found.get();
        Optional<SubjectRequest> redated;
        try {
            redated = recomputed(current);
        } catch (UnknownCalendarYearException | InvalidExtensionException e) {
            return Recomputation.SKIPPED;
        }
        if (redated.isEmpty()) {
            return Recomputation.SKIPPED;
        }
        SubjectRequest next = redated.get();
        if (next.equals(current)) {
            return lostBefore ? Recomputation.SKIPPED : Recomputation.UNCHANGED;
        }
        if (!RequestStore.in(tx).redate(current, next)) {
            throw new ConcurrentUpdateException("request " + id + " was changed by another writer", null);
        }
        auditRedating(tx, current, "due", current.dueAt(), next.dueAt(), now, actor);
        if (current.extendedDueAt().isPresent()) {
            auditRedating(tx, current, "extended-due", current.extendedDueAt().get(), next.extendedDueAt().orElseThrow(),
                    now, actor);
        }
        return new Recomputation(Recomputation.Kind.CHANGED, Optional.of(new RecomputedDeadline(id, current.type(),
                current.dueAt(), next.dueAt(), current.extendedDueAt(), next.extendedDueAt(), next.isProvisional())));
    }

    /** @return the request with its deadlines counted again, or empty if its extension's period is unknown */
    private Optional<SubjectRequest> recomputed(SubjectRequest r) {
        DueTime due = deadlines.dueTime(r.type(), r.receivedAt());
        List<CalendarSource> basis = new ArrayList<>(due.basis());
        Optional<Instant> extendedDue = Optional.empty();
        if (r.extendedDueAt().isPresent()) {
            Optional<LegalPeriod> by = r.extension().flatMap(RequestStep::extendedBy);
            if (by.isEmpty()) {
                return Optional.empty(); // extended before schema v4 recorded the period
            }
            DueTime extended = deadlines.extendedDueTime(r.type(), r.receivedAt(), by.get());
            basis.addAll(extended.basis());
            extendedDue = Optional.of(extended.at());
        }
        return Optional.of(r.withDeadlines(due.at(), extendedDue, basis));
    }

    private void auditRedating(StorageTransaction tx, SubjectRequest request, String which, Instant from, Instant to,
                               Instant now, Actor actor) {
        KitContext.of(kit).append(tx, new AuditEvent(now, actor, SubjectRights.DEADLINE_RECOMPUTED,
                Optional.of(kit.subjectRef(request.subject())), Optional.empty(), AuditOutcome.SUCCESS,
                Optional.of(request.id() + " " + which + " " + from + " " + to)));
    }

    /** What recomputing one request did. */
    private record Recomputation(Kind kind, Optional<RecomputedDeadline> change) {
        static final Recomputation UNCHANGED = new Recomputation(Kind.UNCHANGED, Optional.empty());
        static final Recomputation SKIPPED = new Recomputation(Kind.SKIPPED, Optional.empty());

        /** The three outcomes. */
        enum Kind { CHANGED, UNCHANGED, SKIPPED }
    }
}
