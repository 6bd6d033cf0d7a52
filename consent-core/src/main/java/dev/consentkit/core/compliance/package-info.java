/**
 * Compliance self-check: {@link dev.consentkit.core.compliance.ComplianceCheck}s that read a kit's
 * configuration and stores and explain each {@link dev.consentkit.core.compliance.Finding} with the
 * requirement it relates to and the fix, gathered into a
 * {@link dev.consentkit.core.compliance.ComplianceReport} by {@code ConsentKit.complianceReport()};
 * and {@link dev.consentkit.core.compliance.KitConfiguration}, the kit's effective settings (privacy
 * by default).
 */
package dev.consentkit.core.compliance;
