package dev.consentkit.core.rights;

import java.util.List;

/**
 * What {@link SubjectRights#recomputeProvisionalDeadlines} did.
 *
 * <p>Immutable.
 *
 * @param changed the requests whose deadline this run stored anew (due time, or the provisional mark
 *                and calendar basis), each audited once
 * @param unchanged how many open provisional requests gave the same deadline and basis again (their
 *                  years still have no table)
 * @param skipped how many it left as they were: received under another jurisdiction id than the kit's,
 *                changed by another writer meanwhile (that writer's run reports them), or no longer
 *                countable (the calendar now has neither table nor rule for a year they reach)
 */
public record DeadlineRecomputation(List<RecomputedDeadline> changed, int unchanged, int skipped) {
    /** @throws IllegalArgumentException if a count is negative */
    public DeadlineRecomputation {
        changed = List.copyOf(changed);
        if (unchanged < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }

    /** @return the changed requests whose due time in force moved earlier (possibly into the past) */
    public List<RecomputedDeadline> movedEarlier() {
        return changed.stream().filter(RecomputedDeadline::movedEarlier).toList();
    }
}
