package dev.consentkit.core.monitor;

import dev.consentkit.core.audit.AuditAction;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The thresholds of access monitoring, per principal (a member of staff or a component): how many
 * openings of protected data and how many distinct subjects within a sliding window, how many refused
 * accesses in a row, and when working hours are. Only the audit actions named here count as access;
 * by default field encryption's openings ({@code field.opened}, {@code field.open_failed}), blind-index
 * searches ({@code index.searched}) and every refusal of a read, search or write
 * ({@code field.open_refused}, {@code index.search_refused}, {@code field.write_refused}).
 *
 * <pre>{@code
 * MonitoringPolicy policy = MonitoringPolicy.builder()
 *         .window(Duration.ofMinutes(10)).maxOpens(50).maxDistinctSubjects(20).maxDenialsInARow(3)
 *         .workingHours(WorkingHours.weekdays(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(19, 0)))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param window the sliding window openings and subjects are counted in
 * @param maxOpens most successful openings per principal per window; one more raises an alert
 * @param maxDistinctSubjects most distinct subjects opened per principal per window; one more raises an alert
 * @param maxDenialsInARow refused accesses in a row that raise an alert
 * @param workingHours when access is expected; empty for no such rule
 * @param accessActions the audit actions that count as access to protected data
 */
public record MonitoringPolicy(Duration window, int maxOpens, int maxDistinctSubjects, int maxDenialsInARow,
                               Optional<WorkingHours> workingHours, Set<AuditAction> accessActions) {
    /** Field encryption's successful (or failed) opening of a value. */
    public static final AuditAction FIELD_OPENED = new AuditAction("field.opened");
    /** Field encryption's refused opening. */
    public static final AuditAction FIELD_OPEN_REFUSED = new AuditAction("field.open_refused");
    /** Field encryption's opening that failed: a malformed, altered, moved or stale value. */
    public static final AuditAction FIELD_OPEN_FAILED = new AuditAction("field.open_failed");
    /** Field encryption's refused seal or blind-index write. */
    public static final AuditAction FIELD_WRITE_REFUSED = new AuditAction("field.write_refused");
    /** A search of a blind index; it names no subject. */
    public static final AuditAction INDEX_SEARCHED = new AuditAction("index.searched");
    /** A refused search of a blind index. */
    public static final AuditAction INDEX_SEARCH_REFUSED = new AuditAction("index.search_refused");
    /** Longest window. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);
    /** Highest count threshold. */
    public static final int MAX_THRESHOLD = 1_000_000;

    /**
     * @throws IllegalArgumentException if the window is not between 1 minute and 1 day, a threshold is
     *                                  not between 1 and 1 000 000, or no access action is named
     */
    public MonitoringPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(workingHours, "workingHours");
        Objects.requireNonNull(accessActions, "accessActions");
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("monitoring window must be between 1 minute and 1 day");
        }
        threshold("maxOpens", maxOpens);
        threshold("maxDistinctSubjects", maxDistinctSubjects);
        threshold("maxDenialsInARow", maxDenialsInARow);
        accessActions = Set.copyOf(accessActions);
        if (accessActions.isEmpty()) {
            throw new IllegalArgumentException("monitoring needs at least one access action to watch");
        }
    }

    private static void threshold(String name, int value) {
        if (value < 1 || value > MAX_THRESHOLD) {
            throw new IllegalArgumentException("monitoring threshold " + name + " must be between 1 and " + MAX_THRESHOLD);
        }
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return window 1 hour, 100 openings, 25 distinct subjects, 5 denials in a row, no working hours
     *         (the host's time zone is not known), field openings, failed openings, searches and every
     *         refusal watched
     */
    public static MonitoringPolicy defaults() {
        return builder().build();
    }

    /**
     * @param action an audit action
     * @return whether it counts as access
     */
    public boolean watches(AuditAction action) {
        return accessActions.contains(action);
    }

    /** Starts from the defaults; each setter validates through {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private Duration window = Duration.ofHours(1);
        private int maxOpens = 100;
        private int maxDistinctSubjects = 25;
        private int maxDenialsInARow = 5;
        private WorkingHours workingHours;
        private final Set<AuditAction> actions = new LinkedHashSet<>(Set.of(FIELD_OPENED,
                FIELD_OPEN_REFUSED, FIELD_OPEN_FAILED, FIELD_WRITE_REFUSED, INDEX_SEARCHED, INDEX_SEARCH_REFUSED));

        private Builder() {
        }

        /**
         * @param window the sliding window, 1 minute to 1 day
         * @return this builder
         */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * @param max most openings per principal per window
         * @return this builder
         */
        public Builder maxOpens(int max) {
            this.maxOpens = max;
            return this;
        }

        /**
         * @param max most distinct subjects per principal per window
         * @return this builder
         */
        public Builder maxDistinctSubjects(int max) {
            this.maxDistinctSubjects = max;
            return this;
        }

        /**
         * @param count refused accesses in a row that raise an alert
         * @return this builder
         */
        public Builder maxDenialsInARow(int count) {
            this.maxDenialsInARow = count;
            return this;
        }

        /**
         * @param hours when access is expected
         * @return this builder
         */
        public Builder workingHours(WorkingHours hours) {
            this.workingHours = Objects.requireNonNull(hours, "hours");
            return this;
        }

        /**
         * Counts more audit actions as access, e.g. an export of a subject's data.
         *
         * @param more audit actions
         * @return this builder
         */
        public Builder watch(AuditAction... more) {
            for (AuditAction a : more) {
                actions.add(Objects.requireNonNull(a, "action"));
            }
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException if a value is out of range
         */
        public MonitoringPolicy build() {
            return new MonitoringPolicy(window, maxOpens, maxDistinctSubjects, maxDenialsInARow,
                    Optional.ofNullable(workingHours), actions);
        }
    }
}
