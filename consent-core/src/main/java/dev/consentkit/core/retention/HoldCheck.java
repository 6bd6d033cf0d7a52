package dev.consentkit.core.retention;

import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The one seam where legal holds stop disposal: asked for every batch, inside the unit of work that
 * disposes of it, so a hold placed after the plan still blocks.
 */
@FunctionalInterface
interface HoldCheck {
    /** No holds. */
    HoldCheck NONE = (tx, policy, subjects, at) -> Map.of();

    /**
     * @param tx the unit of work
     * @param policy the policy about to dispose
     * @param subjects the subjects of the batch
     * @param at now
     * @return the held subjects, each with the hold's reason
     */
    Map<SubjectId, String> held(StorageTransaction tx, RetentionPolicy policy, Collection<SubjectId> subjects, Instant at);
}
