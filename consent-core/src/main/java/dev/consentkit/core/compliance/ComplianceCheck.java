package dev.consentkit.core.compliance;

import java.util.List;

/**
 * One self-check of a kit's configuration and stores, run by {@code ConsentKit.complianceReport()}.
 * The standard checks are listed in {@link ComplianceChecks#standard()}; a host adds its own with
 * {@code ConsentKit.Builder.complianceCheck}.
 *
 * <p>A check only reads. Its findings name purposes, categories, key groups and counts, never a
 * subject or a personal value. A check that throws does not stop the report: it appears as a finding
 * that it could not run. Implementations must be thread-safe.
 */
public interface ComplianceCheck {
    /** @return a stable dotted lower-case id, e.g. {@code purpose.retention} */
    String id();

    /**
     * @param context the kit, the time of the report and what it knows about field protection
     * @return the problems found; empty when all is well
     */
    List<Finding> run(ComplianceContext context);
}
