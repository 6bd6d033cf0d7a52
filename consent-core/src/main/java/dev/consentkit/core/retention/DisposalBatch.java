package dev.consentkit.core.retention;

import dev.consentkit.core.SubjectId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One batch a {@link RetentionTarget} disposes of: due items of one policy (so one category and one
 * action). Dispose of it with one set-based statement per table, never one per item.
 *
 * @param policy the policy; its category and action say what to do
 * @param items the due items, at least one
 */
public record DisposalBatch(RetentionPolicy policy, List<DueItem> items) {
    /**
     * @throws IllegalArgumentException if the batch is empty or an item belongs to another policy
     */
    public DisposalBatch {
        Objects.requireNonNull(policy, "policy");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a disposal batch has at least one item");
        }
        if (items.stream().anyMatch(i -> !i.policy().equals(policy))) {
            throw new IllegalArgumentException("every item of a disposal batch belongs to its policy");
        }
    }

    /** @return the action to take */
    public DisposalAction action() {
        return policy.action();
    }

    /** @return the subjects whose every record of the category is due */
    public Set<SubjectId> wholeSubjects() {
        Set<SubjectId> subjects = new LinkedHashSet<>();
        items.stream().filter(i -> i.anchor().wholeSubject()).forEach(i -> subjects.add(i.subject()));
        return subjects;
    }

    /** @return the ids of single records that are due (records anchored one by one) */
    public List<String> recordRefs() {
        return items.stream().filter(i -> !i.anchor().wholeSubject()).map(DueItem::recordRef).toList();
    }

    @Override
    public String toString() {
        return "DisposalBatch[" + policy.id() + ", " + items.size() + " items]";
    }
}
