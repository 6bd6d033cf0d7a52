package dev.consentkit.core.compliance;

/** How urgent a {@link Finding} is. */
public enum Severity {
    /** Unlawful or unprovable now: fix it before anything else. */
    HIGH,
    /** A gap that becomes a violation with time or with the next incident. */
    MEDIUM,
    /** Good practice not followed. */
    LOW
}
