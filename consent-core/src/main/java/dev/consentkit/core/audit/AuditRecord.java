package dev.consentkit.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An audit entry linked into the chain: {@code link = HMAC(auditKey, previousLink || canonical(
 * sequence, entry id, entry MAC))}, the entry MAC covering the event and its ledger binding (format 2);
 * records written before schema v4 keep the format-1 link over the event itself and have no entry MAC.
 * Changing, removing or moving any record breaks a link.
 *
 * <p>{@code AuditTrail.records} gives a stored row that cannot be read as a record whose action is
 * {@link AuditAction#UNREADABLE} ({@link #isUnreadable()}), with entry id 0 when the stored one is
 * unusable; {@code verify()} reports that row.
 *
 * @param sequence position in the chain, from 1
 * @param entryId the id of the entry (its sequence, for a format-1 record; 0 for an unreadable row)
 * @param event the event
 * @param ledger the ledger row it records, if any
 * @param entryMac the entry MAC (format 2)
 * @param previousLink link of the record before (64 zeros for the first)
 * @param link this record's link, 64 lower-case hex characters
 */
public record AuditRecord(long sequence, long entryId, AuditEvent event, Optional<LedgerBinding> ledger,
                          Optional<String> entryMac, String previousLink, String link) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException if the sequence is not positive, the entry id negative or a
     *                                  link or MAC not 64 hex characters
     */
    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(entryMac, "entryMac");
        Objects.requireNonNull(previousLink, "previousLink");
        Objects.requireNonNull(link, "link");
        if (sequence <= 0 || entryId < 0) {
            throw new IllegalArgumentException("audit sequence must be positive and the entry id not negative");
        }
        if (!HEX64.matcher(previousLink).matches() || !HEX64.matcher(link).matches()
                || entryMac.map(m -> !HEX64.matcher(m).matches()).orElse(false)) {
            throw new IllegalArgumentException("audit links and MACs must be 64 lower-case hex characters");
        }
    }

    /** @return the link format: 1 for records written before schema v4, 2 with an entry MAC */
    public int format() {
        return entryMac.isPresent() ? 2 : 1;
    }

    /** @return whether this stands for a stored row that could not be read */
    public boolean isUnreadable() {
        return event.action().equals(AuditAction.UNREADABLE);
    }
}
