/**
 * The tamper-evident audit chain: every mutation appends an event linked by HMAC to the one before;
 * {@link dev.consentkit.core.audit.AuditTrail#verify()} names the first broken link.
 */
package dev.consentkit.core.audit;
