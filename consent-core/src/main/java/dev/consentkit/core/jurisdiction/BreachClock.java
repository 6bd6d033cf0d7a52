package dev.consentkit.core.jurisdiction;

import java.util.Objects;

/**
 * One notification clock of a personal-data breach: what must be sent, within how long, counted
 * from which moment.
 *
 * @param name what must be sent by then, e.g. {@code "authority-notice"}
 * @param within the period, in wall-clock hours
 * @param source the legal source, e.g. {@code "GDPR Art. 33(1)"}
 * @param from the moment the clock starts: awareness (GDPR Art. 33(1)) or detection (152-FZ Art. 21
 *             part 3.1 counts "from the detection of the incident")
 */
public record BreachClock(String name, LegalPeriod within, String source, Start from) {
    /** The moment a breach clock starts to run. */
    public enum Start {
        /** When the controller became aware of the breach with reasonable certainty. */
        AWARENESS,
        /** When the incident was detected (by the operator, the authority or anyone else); never later than awareness. */
        DETECTION
    }

    /** Checks for nulls. */
    public BreachClock {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(from, "from");
    }

    /**
     * A clock counted from awareness.
     *
     * @param name what must be sent by then
     * @param within the period
     * @param source the legal source
     */
    public BreachClock(String name, LegalPeriod within, String source) {
        this(name, within, source, Start.AWARENESS);
    }
}
