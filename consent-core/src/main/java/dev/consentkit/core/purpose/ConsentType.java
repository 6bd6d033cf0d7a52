package dev.consentkit.core.purpose;

/**
 * How consent for a purpose must be expressed (ISO/IEC TS 27560, DPV consent types).
 *
 * <p>A purpose that processes a sensitive data category must require {@link #EXPLICIT} consent
 * (GDPR Art. 9(2)(a), 152-FZ Art. 10).
 */
public enum ConsentType {
    /** Inferred from the subject's behaviour. */
    IMPLIED,
    /** Given by a clear affirmative act (ticking an unticked box). */
    EXPRESSED,
    /** Given by an express statement about this very purpose (a signed form, a separate checkbox). */
    EXPLICIT
}
