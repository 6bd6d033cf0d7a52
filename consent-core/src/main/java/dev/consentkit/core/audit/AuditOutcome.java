package dev.consentkit.core.audit;

/** How an audited operation ended. */
public enum AuditOutcome {
    /** It was carried out. */
    SUCCESS,
    /** It was refused by a rule (a purpose not permitted, a role without access). */
    DENIED,
    /** It failed. */
    FAILED
}
