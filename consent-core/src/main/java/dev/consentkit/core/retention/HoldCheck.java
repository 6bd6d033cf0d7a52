package dev.consentkit.core.retention;

import dev.consentkit.core.hold.HoldStore;
import dev.consentkit.core.hold.LegalHold;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.StorageTransaction;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one seam where legal holds stop disposal: asked for every batch, inside the unit of work that
 * disposes of it, so a hold placed after the plan still blocks.
 */
@FunctionalInterface
interface HoldCheck {
    /**
     * The active {@link LegalHold}s of the store: one read of the active holds per batch, matched here
     * against the batch's subjects and the policy's purpose and category. A subject under several holds
     * gets the reason of the oldest.
     */
    HoldCheck STORED = (tx, policy, subjects, at) -> {
        List<LegalHold> active = HoldStore.in(tx).active();
        Map<SubjectId, String> held = new HashMap<>();
        if (active.isEmpty()) {
            return held;
        }
        for (SubjectId s : subjects) {
            for (LegalHold h : active) {
                if (h.scope().covers(s, policy.purpose(), policy.category())) {
                    held.put(s, h.reason());
                    break;
                }
            }
        }
        return held;
    };

    /**
     * @param tx the unit of work
     * @param policy the policy about to dispose
     * @param subjects the subjects of the batch
     * @param at now
     * @return the held subjects, each with the hold's reason
     */
    Map<SubjectId, String> held(StorageTransaction tx, RetentionPolicy policy, Collection<SubjectId> subjects, Instant at);
}
