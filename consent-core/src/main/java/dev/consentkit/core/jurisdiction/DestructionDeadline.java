package dev.consentkit.core.jurisdiction;

import java.util.Objects;

/**
 * A rule a jurisdiction profile declares: once the purpose of processing is achieved or consent is
 * withdrawn, the data is destroyed within this many calendar days, unless a statute or an agreement
 * provides otherwise (152-FZ Art. 21 parts 4-5: 30 days; R-RU-14, R-RU-15). A retention policy that
 * runs from those events and keeps data longer must name its overriding ground
 * ({@code RetentionPolicy.Builder.overridingStatutoryPeriod}); {@code RetentionEngine} checks this at
 * build for whatever profile declares the rule, whatever its zone or calendar.
 *
 * <p>Immutable.
 *
 * @param within the period, in calendar days
 * @param source the legal source, e.g. {@code "152-FZ Art. 21 parts 4-5"}
 */
public record DestructionDeadline(LegalPeriod within, String source) {
    /** @throws IllegalArgumentException if the period is not in calendar days or the source is blank */
    public DestructionDeadline {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(source, "source");
        if (within.unit() != LegalPeriod.Unit.CALENDAR_DAYS) {
            throw new IllegalArgumentException("a destruction deadline counts calendar days, not " + within.unit());
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("a destruction deadline names its legal source");
        }
    }
}
