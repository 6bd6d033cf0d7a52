package dev.consentkit.core.retention;

import dev.consentkit.core.PolicyId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dry run: what a retention run would dispose of now, and what it would not because a legal hold
 * blocks it. Nothing was changed to make it. Immutable.
 *
 * @param asOf the time it was made for
 * @param due what is due, by policy in the engine's order, then subject and record
 * @param blocked what is due but held, with the hold's reason
 */
public record RetentionPlan(Instant asOf, List<DueItem> due, List<BlockedItem> blocked) {
    /** Copies the lists. */
    public RetentionPlan {
        Objects.requireNonNull(asOf, "asOf");
        due = List.copyOf(due);
        blocked = List.copyOf(blocked);
    }

    /**
     * @param policyId a policy id
     * @return how many items that policy has due
     * @throws NullPointerException if {@code policyId} is null
     */
    public long dueCount(PolicyId policyId) {
        Objects.requireNonNull(policyId, "policyId");
        return due.stream().filter(i -> i.policy().id().equals(policyId)).count();
    }

    /** @return whether nothing is due and nothing is blocked */
    public boolean isEmpty() {
        return due.isEmpty() && blocked.isEmpty();
    }
}
