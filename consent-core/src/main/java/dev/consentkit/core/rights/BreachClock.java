package dev.consentkit.core.rights;

import java.util.Objects;

/**
 * One notification clock of a personal-data breach, counted from the moment the controller became
 * aware of it.
 *
 * @param name what must be sent by then, e.g. {@code "authority-notice"}
 * @param within the period, in wall-clock hours
 * @param source the legal source, e.g. {@code "GDPR Art. 33(1)"}
 */
public record BreachClock(String name, LegalPeriod within, String source) {
    /** Checks for nulls. */
    public BreachClock {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(source, "source");
    }
}
