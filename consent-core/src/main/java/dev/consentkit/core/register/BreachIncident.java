package dev.consentkit.core.register;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A personal-data breach as kept in the breach register: when it was detected and when the
 * controller became aware of it, what is known about it, and its notification deadlines (computed
 * once from the jurisdictions' breach clocks when it was recorded). Every breach is kept, notified or
 * not (GDPR Art. 33(5)).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows no free text.
 *
 * @param id the id
 * @param revision 1 when recorded, one more on every update (optimistic concurrency)
 * @param detectedAt when the incident was detected (152-FZ clocks start here)
 * @param awareAt when the controller became aware of a personal-data breach with reasonable
 *                certainty (GDPR clocks start here); never before {@code detectedAt}
 * @param recordedAt when it was recorded here; never before {@code awareAt}
 * @param updatedAt when its details last changed; {@code recordedAt} until the first update
 * @param details what is known
 * @param deadlines the notification deadlines, earliest first
 */
public record BreachIncident(BreachId id, int revision, Instant detectedAt, Instant awareAt, Instant recordedAt,
                             Instant updatedAt, BreachDetails details, List<BreachDeadline> deadlines) {
    /**
     * @throws IllegalArgumentException if the revision is not positive, the times are out of order, or
     *                                  two deadlines name the same clock
     */
    public BreachIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(awareAt, "awareAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(details, "details");
        if (revision <= 0) {
            throw new IllegalArgumentException("breach revision must be positive");
        }
        if (awareAt.isBefore(detectedAt)) {
            throw new IllegalArgumentException("breach times out of order: aware before detected");
        }
        if (recordedAt.isBefore(awareAt)) {
            throw new IllegalArgumentException("breach times out of order: recorded before aware");
        }
        if (updatedAt.isBefore(recordedAt)) {
            throw new IllegalArgumentException("breach times out of order: updated before recorded");
        }
        deadlines = deadlines.stream()
                .sorted(Comparator.comparing(BreachDeadline::dueAt).thenComparing(BreachDeadline::jurisdiction)
                        .thenComparing(BreachDeadline::clock))
                .toList();
        for (int i = 0; i < deadlines.size(); i++) {
            for (int j = i + 1; j < deadlines.size(); j++) {
                if (deadlines.get(i).is(deadlines.get(j).jurisdiction(), deadlines.get(j).clock())) {
                    throw new IllegalArgumentException("breach deadline " + deadlines.get(i).jurisdiction() + "/"
                            + deadlines.get(i).clock() + " appears twice");
                }
            }
        }
    }

    /**
     * @param jurisdiction a jurisdiction id
     * @param clock a clock name
     * @return that deadline, if this breach has it
     */
    public Optional<BreachDeadline> deadline(String jurisdiction, String clock) {
        return deadlines.stream().filter(d -> d.is(jurisdiction, clock)).findFirst();
    }

    @Override
    public String toString() {
        return "BreachIncident[" + id + " r" + revision + ", aware " + awareAt + ", " + deadlines.size()
                + " deadlines, " + details + "]";
    }
}
