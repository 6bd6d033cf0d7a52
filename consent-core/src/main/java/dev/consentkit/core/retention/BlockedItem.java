package dev.consentkit.core.retention;

import java.util.Objects;

/**
 * Records that are due but must not be disposed of, and why (a legal hold's reason).
 *
 * @param item what is due
 * @param reason why it is kept
 */
public record BlockedItem(DueItem item, String reason) {
    /** Checks for nulls. */
    public BlockedItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
    }
}
