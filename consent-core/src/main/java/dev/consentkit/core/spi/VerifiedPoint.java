package dev.consentkit.core.spi;

import java.util.Objects;

/**
 * Where the last clean incremental verification ended ({@code AuditTrail.verifyLedgerSinceLastPoint}),
 * as stored, with a MAC under the audit key over every other field, so that a point moved forward to
 * skip work is found. Unvalidated: the values are what was stored. Immutable.
 *
 * @param auditSequence the last verified audit sequence (0 before any)
 * @param auditLink its link (64 zeros before any)
 * @param ledgerHigh the highest ledger sequence verified
 * @param sweepAfter the subject id the projection sweep continues after; empty to start over
 * @param legacyUntil the highest ledger sequence written before schema v4
 * @param timeMicros when the point was taken
 * @param mac the MAC
 */
public record VerifiedPoint(long auditSequence, String auditLink, long ledgerHigh, String sweepAfter, long legacyUntil,
                            long timeMicros, String mac) implements AuditMark {
    /** Checks for nulls only. */
    public VerifiedPoint {
        Objects.requireNonNull(auditLink, "auditLink");
        Objects.requireNonNull(sweepAfter, "sweepAfter");
        Objects.requireNonNull(mac, "mac");
    }
}
