package dev.consentkit.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * An audit event as written by the unit of work that caused it: the id the store gave it, the event,
 * the ledger row it records (for consent, restriction and objection events) and its entry MAC. The
 * sequencer later gives it a place in the chain ({@link AuditRecord}); its id stays its name, so
 * references taken when it was written (an act entry, an alert) find it then.
 *
 * @param id the entry's id, positive
 * @param event the event
 * @param ledger the ledger row it records, if any
 * @param mac the entry MAC, 64 lower-case hex characters
 */
public record AuditEntry(long id, AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
    /**
     * @throws IllegalArgumentException if the id is not positive or the MAC is malformed
     */
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(mac, "mac");
        if (id <= 0 || !isHex64(mac)) {
            throw new IllegalArgumentException("an audit entry needs a positive id and a 64-hex-character MAC");
        }
    }

    /** Lower-case hex of 32 bytes (a loop: entries are made for every read audit). */
    private static boolean isHex64(String mac) {
        if (mac.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = mac.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
