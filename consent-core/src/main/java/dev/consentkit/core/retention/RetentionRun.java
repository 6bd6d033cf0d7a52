package dev.consentkit.core.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one retention run did. Immutable.
 *
 * @param actId the destruction act it wrote (or completed); empty if nothing was disposed of
 * @param resumed whether it continued an act a killed run had left open
 * @param batches how many batches it disposed of
 * @param disposed how many items it disposed of
 * @param blocked what was due but held, with the hold's reason
 */
public record RetentionRun(Optional<UUID> actId, boolean resumed, int batches, long disposed,
                           List<BlockedItem> blocked) {
    /** Copies the list. */
    public RetentionRun {
        Objects.requireNonNull(actId, "actId");
        blocked = List.copyOf(blocked);
    }
}
