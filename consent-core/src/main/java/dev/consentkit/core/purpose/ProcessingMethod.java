package dev.consentkit.core.purpose;

/** How a purpose processes data, for the general description a written consent carries (152-FZ Art. 9 part 4 item 7). */
public enum ProcessingMethod {
    /** By computer only. */
    AUTOMATED,
    /** By people, without computers. */
    MANUAL,
    /** Both. */
    MIXED
}
