package dev.consentkit.core.retention;

import dev.consentkit.core.SubjectId;
import java.time.Instant;
import java.util.Objects;

/**
 * Records that are due for disposal, and why: the policy, when its clock started and when it ran out.
 *
 * @param policy the policy that makes them due
 * @param anchor the subject (and record, if one) and when the clock started
 * @param dueAt when the period ran out
 */
public record DueItem(RetentionPolicy policy, RetentionAnchor anchor, Instant dueAt) {
    /** Checks for nulls. */
    public DueItem {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** @return whose records */
    public SubjectId subject() {
        return anchor.subject();
    }

    /** @return the host's record id; empty for every record of the subject in the category */
    public String recordRef() {
        return anchor.recordRef();
    }

    @Override
    public String toString() {
        // no subject id: it is the host's key for a person
        return "DueItem[" + policy.id() + ", due " + dueAt + "]";
    }
}
