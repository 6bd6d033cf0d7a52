/**
 * The tamper-evident audit trail: every mutation writes an entry with its own MAC in its unit of work,
 * a sequencer links committed entries into an HMAC chain, and each entry of a consent event binds a
 * digest of its ledger row. {@link dev.consentkit.core.audit.AuditTrail#verify()} names the first
 * broken link; {@link dev.consentkit.core.audit.AuditTrail#verifyLedger()} checks the ledger and the
 * projection against what the chain proves.
 */
package dev.consentkit.core.audit;
