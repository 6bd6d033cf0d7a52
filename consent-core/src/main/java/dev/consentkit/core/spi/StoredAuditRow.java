package dev.consentkit.core.spi;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.LedgerBinding;
import dev.consentkit.core.internal.Micros;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An audit entry as a store holds it: the stored text of every column, unvalidated, so that
 * verification can judge a row an attacker edited (an unknown actor kind, a bad hex link) instead of
 * failing to read it. Stores hand these out; {@code AuditChain} verifies and parses them.
 *
 * <p>A <em>pending</em> entry (written, not yet linked into the chain) has sequence 0 and empty links.
 * A linked record of format 2 carries its entry MAC; format 1 is the link format of records written
 * before schema v4 (no entry MAC, no ledger binding, entry id equal to its sequence). A store maps a
 * NULL in a column the kit never leaves NULL to the empty string. Immutable.
 *
 * @param sequence position in the chain, 0 while pending
 * @param entryId the id the store gave the entry when it was written
 * @param format the link format: 1 (before schema v4) or 2
 * @param timeMicros the event time in microseconds since the epoch
 * @param actorKind the stored actor kind
 * @param actorId the stored actor id
 * @param action the stored action code
 * @param subjectRef the stored subject reference
 * @param purpose the stored purpose id
 * @param outcome the stored outcome
 * @param reference the stored reference
 * @param ledgerSequence the ledger sequence the entry binds, for an entry of a ledger event
 * @param ledgerDigest the digest of that ledger row
 * @param entryMac the entry MAC (format 2)
 * @param previousLink the stored previous link; empty while pending
 * @param link the stored link; empty while pending
 */
public record StoredAuditRow(long sequence, long entryId, int format, long timeMicros, String actorKind,
                             Optional<String> actorId, String action, Optional<String> subjectRef,
                             Optional<String> purpose, String outcome, Optional<String> reference,
                             OptionalLong ledgerSequence, Optional<String> ledgerDigest, Optional<String> entryMac,
                             String previousLink, String link) {
    /** The format of records written before schema v4. */
    public static final int FORMAT_1 = 1;
    /** The format of entries with an entry MAC. */
    public static final int FORMAT_2 = 2;

    /** Checks for nulls only: the values are what was stored. */
    public StoredAuditRow {
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(ledgerSequence, "ledgerSequence");
        Objects.requireNonNull(ledgerDigest, "ledgerDigest");
        Objects.requireNonNull(entryMac, "entryMac");
        Objects.requireNonNull(previousLink, "previousLink");
        Objects.requireNonNull(link, "link");
    }

    /**
     * A new pending entry as the kit writes it.
     *
     * @param entryId the id the store gave it
     * @param event the event
     * @param ledger the ledger row it records, if any
     * @param mac its entry MAC
     * @return the pending row
     * @throws IllegalArgumentException if the event time has sub-microsecond precision
     */
    public static StoredAuditRow pending(long entryId, AuditEvent event, Optional<LedgerBinding> ledger, String mac) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(mac, "mac");
        return new StoredAuditRow(0, entryId, FORMAT_2, Micros.of(event.time(), "audit time"),
                event.actor().kind().name(), event.actor().id(), event.action().code(),
                event.subjectRef().map(KeyedHash::value), event.purpose().map(PurposeId::value),
                event.outcome().name(), event.reference(),
                ledger.map(l -> OptionalLong.of(l.sequence())).orElse(OptionalLong.empty()),
                ledger.map(LedgerBinding::digest), Optional.of(mac), "", "");
    }

    /** @return whether the entry waits for the sequencer */
    public boolean isPending() {
        return sequence == 0;
    }

    /**
     * @param newSequence its place in the chain
     * @param newPreviousLink the link of the record before
     * @param newLink its link
     * @return this entry linked into the chain in format 2
     */
    public StoredAuditRow linked(long newSequence, String newPreviousLink, String newLink) {
        return new StoredAuditRow(newSequence, entryId, FORMAT_2, timeMicros, actorKind, actorId, action, subjectRef,
                purpose, outcome, reference, ledgerSequence, ledgerDigest, entryMac, newPreviousLink, newLink);
    }
}
