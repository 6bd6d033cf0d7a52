/**
 * The audit model: events, entries with their MACs, records of the chain, checkpoints, and what
 * verification reports. The trail that writes, sequences and verifies them is
 * {@link dev.consentkit.AuditTrail}: {@link dev.consentkit.AuditTrail#verify()} names the first broken
 * link; {@link dev.consentkit.AuditTrail#verifyLedger()} checks the ledger and the projection against
 * what the chain proves.
 */
package dev.consentkit.core.audit;
