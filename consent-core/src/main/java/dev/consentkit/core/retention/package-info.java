/**
 * Retention: legal holds that block disposal and erasure (and, with later work, retention policies,
 * plans and destruction acts).
 */
package dev.consentkit.core.retention;
