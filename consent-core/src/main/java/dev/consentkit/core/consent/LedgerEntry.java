package dev.consentkit.core.consent;

import java.util.Objects;

/**
 * A {@link ConsentEvent} with the position the ledger gave it. Sequences increase with every append
 * in a store, so "later" means "higher sequence", whatever the events' own times say.
 *
 * @param sequence position in the ledger, positive
 * @param event the event
 */
public record LedgerEntry(long sequence, ConsentEvent event) {
    /**
     * @throws IllegalArgumentException if the sequence is not positive
     */
    public LedgerEntry {
        Objects.requireNonNull(event, "event");
        if (sequence <= 0) {
            throw new IllegalArgumentException("ledger sequence must be positive");
        }
    }
}
