package dev.consentkit.core.jurisdiction;

/** What a data subject asks for (GDPR Arts. 7(3), 15–18, 20, 21; 152-FZ Arts. 9, 14, 20, 21). */
public enum RequestType {
    /** A copy of what is held and how it is processed (GDPR Art. 15; 152-FZ Art. 14). */
    ACCESS,
    /** The subject's data in a machine-readable form (GDPR Art. 20). */
    PORTABILITY,
    /** A correction of inaccurate data (GDPR Art. 16; 152-FZ Art. 21 part 2). */
    RECTIFICATION,
    /** Erasure (GDPR Art. 17; 152-FZ Art. 21 part 3). */
    ERASURE,
    /** Restriction of processing, "blocking" in 152-FZ (GDPR Art. 18; 152-FZ Art. 21 part 1). */
    RESTRICTION,
    /** An objection, a demand to stop processing (GDPR Art. 21; 152-FZ Art. 21 part 5.1). */
    OBJECTION,
    /** Withdrawal of consent, with destruction of what it covered (GDPR Art. 7(3); 152-FZ Art. 21 part 5). */
    WITHDRAWAL
}
