package dev.consentkit.core.purpose;

/**
 * An action performed with personal data, as 152-FZ Art. 3 item 3 lists them. A written consent
 * names the actions the subject agrees to (Art. 9 part 4 item 7).
 */
public enum ProcessingOperation {
    /** Collection. */
    COLLECTION,
    /** Recording. */
    RECORDING,
    /** Systematisation. */
    SYSTEMATISATION,
    /** Accumulation. */
    ACCUMULATION,
    /** Storage. */
    STORAGE,
    /** Updating or changing. */
    UPDATE,
    /** Retrieval. */
    RETRIEVAL,
    /** Use. */
    USE,
    /** Transfer: distribution, provision, access. */
    TRANSFER,
    /** Depersonalisation. */
    DEPERSONALISATION,
    /** Blocking. */
    BLOCKING,
    /** Deletion. */
    DELETION,
    /** Destruction. */
    DESTRUCTION
}
