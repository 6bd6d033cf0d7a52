package dev.consentkit.core.register;

import dev.consentkit.core.jurisdiction.BreachClock;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Computes the notification deadlines of a breach from the jurisdictions' breach clocks.
 *
 * <p>Breach clocks run in wall-clock hours: weekends and public holidays count like any other hour
 * and nothing is moved to a working day (GDPR Art. 33(1); 152-FZ Art. 21 part 3.1 gives no extension).
 * All times are UTC instants, so a daylight-saving change in the host's zone changes nothing: 72 hours
 * are 72 elapsed hours. Thread-safe; no state.
 */
public final class BreachDeadlines {
    private BreachDeadlines() {
    }

    /**
     * @param jurisdictions the jurisdictions whose clocks apply
     * @param detectedAt when the incident was detected
     * @param awareAt when the controller became aware of it; not before {@code detectedAt}
     * @return one deadline per clock of every jurisdiction, earliest first
     * @throws IllegalArgumentException if {@code awareAt} is before {@code detectedAt}, or a clock runs in
     *                                  working days or months (a breach clock runs in hours or calendar days)
     */
    public static List<BreachDeadline> of(Collection<Jurisdiction> jurisdictions, Instant detectedAt, Instant awareAt) {
        Objects.requireNonNull(jurisdictions, "jurisdictions");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(awareAt, "awareAt");
        if (awareAt.isBefore(detectedAt)) {
            throw new IllegalArgumentException("breach times out of order: aware before detected");
        }
        List<BreachDeadline> deadlines = new ArrayList<>();
        for (Jurisdiction j : jurisdictions) {
            for (BreachClock c : j.breachClocks()) {
                Instant start = c.from() == BreachClock.Start.DETECTION ? detectedAt : awareAt;
                deadlines.add(new BreachDeadline(j.id(), c.name(), start.plus(length(j, c)), c.source()));
            }
        }
        deadlines.sort(java.util.Comparator.comparing(BreachDeadline::dueAt)
                .thenComparing(BreachDeadline::jurisdiction).thenComparing(BreachDeadline::clock));
        return List.copyOf(deadlines);
    }

    private static Duration length(Jurisdiction j, BreachClock c) {
        LegalPeriod p = c.within();
        return switch (p.unit()) {
            case HOURS -> Duration.ofHours(p.amount());
            case CALENDAR_DAYS -> Duration.ofDays(p.amount());
            case WORKING_DAYS, MONTHS -> throw new IllegalArgumentException("breach clock " + j.id() + "/" + c.name()
                    + " runs in " + p.unit() + ": breach clocks run in hours or calendar days");
        };
    }
}
