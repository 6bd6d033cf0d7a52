package dev.consentkit.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException if the id is not positive or the MAC is malformed
     */
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(mac, "mac");
        if (id <= 0 || !HEX64.matcher(mac).matches()) {
            throw new IllegalArgumentException("an audit entry needs a positive id and a 64-hex-character MAC");
        }
    }
}
