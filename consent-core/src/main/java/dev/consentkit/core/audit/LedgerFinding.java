package dev.consentkit.core.audit;

import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One thing {@code AuditTrail.verifyLedger} found: what, and where — a ledger sequence, an audit
 * sequence, or a subject by its keyed reference (never its id or a personal value).
 *
 * @param kind what was found
 * @param ledgerSequence the ledger row concerned, if one is
 * @param auditSequence the audit record concerned, if one is
 * @param subject the keyed reference of the subject concerned, if one is
 * @param purpose the purpose concerned, if one is (and the stored id is a valid one)
 */
public record LedgerFinding(Kind kind, OptionalLong ledgerSequence, OptionalLong auditSequence,
                            Optional<KeyedHash> subject, Optional<PurposeId> purpose) {
    /** What a verification of the ledger and the projection found. */
    public enum Kind {
        /** A ledger row whose content differs from the digest its audit entry binds. */
        LEDGER_EDITED,
        /** An audit entry binds a ledger row that is not there. */
        LEDGER_DELETED,
        /** A ledger row written after schema v4 that no audit entry binds. */
        LEDGER_INSERTED,
        /** A ledger row bound by more than one audit entry (an entry was copied). */
        LEDGER_BOUND_TWICE,
        /** An audit entry binding a ledger row whose entry MAC fails: forged or edited. */
        BINDING_FORGED,
        /** A ledger row that does not parse, so the subject's projection cannot be replayed. */
        LEDGER_UNREADABLE,
        /** A projection row that differs from the replay of its subject's ledger. */
        PROJECTION_DIFFERS,
        /** The replay of a subject's ledger has a state the projection lacks. */
        PROJECTION_MISSING,
        /** A projection row no replay of the ledger produces. */
        PROJECTION_EXTRA,
        /** The audit chain after the last verified point is broken (at the audit sequence given). */
        AUDIT_CHAIN_BROKEN,
        /** The stored last verified point does not match its MAC: it was moved or edited. */
        VERIFIED_POINT_EDITED,
        /** The stored bound of the rows written before schema v4 changed since the last verified point. */
        LEGACY_BOUND_EDITED
    }

    /** Checks for nulls. */
    public LedgerFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ledgerSequence, "ledgerSequence");
        Objects.requireNonNull(auditSequence, "auditSequence");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * @param kind what was found
     * @param ledgerSequence the ledger row
     * @return a finding at a ledger row
     */
    public static LedgerFinding atLedger(Kind kind, long ledgerSequence) {
        return new LedgerFinding(kind, OptionalLong.of(ledgerSequence), OptionalLong.empty(), Optional.empty(),
                Optional.empty());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.name());
        ledgerSequence.ifPresent(s -> b.append(" at ledger sequence ").append(s));
        auditSequence.ifPresent(s -> b.append(" at audit sequence ").append(s));
        subject.ifPresent(s -> b.append(" of subject ").append(s.value()));
        purpose.ifPresent(p -> b.append(" for purpose ").append(p.value()));
        return b.toString();
    }
}
