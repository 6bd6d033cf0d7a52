/**
 * The consent ledger's domain: versioned notices, append-only consent events with evidence, the
 * projection of current state, decisions that explain themselves, and the suppression list.
 */
package dev.consentkit.core.consent;
