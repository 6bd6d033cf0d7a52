package dev.consentkit.core.purpose;

/** The moment a retention period starts to run. */
public enum RetentionTrigger {
    /** When the data was collected. */
    SINCE_COLLECTION,
    /** The subject's last interaction with the host. */
    SINCE_LAST_INTERACTION,
    /** When the purpose was achieved or ended (a contract fulfilled). */
    SINCE_PURPOSE_ENDED,
    /** When the subject withdrew consent. */
    SINCE_WITHDRAWAL,
    /** A business event the host reports, such as "booking ended" or "last invoice". */
    SINCE_BUSINESS_EVENT
}
