package dev.consentkit.core.monitor;

/** Which threshold of a {@link MonitoringPolicy} an alert crossed. */
public enum AlertRule {
    /** More successful openings of protected data by one principal within the window than allowed. */
    OPENS_PER_WINDOW,
    /** More distinct subjects' data opened by one principal within the window than allowed. */
    DISTINCT_SUBJECTS_PER_WINDOW,
    /** As many refused accesses in a row by one principal as the policy tolerates. */
    DENIALS_IN_A_ROW,
    /** An access outside the declared working hours. */
    OUTSIDE_WORKING_HOURS
}
