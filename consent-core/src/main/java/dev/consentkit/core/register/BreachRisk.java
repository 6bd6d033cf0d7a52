package dev.consentkit.core.register;

/**
 * The controller's assessment of the risk a breach poses to the subjects' rights and freedoms
 * (EDPB Guidelines 9/2022).
 */
public enum BreachRisk {
    /** Unlikely to result in a risk (GDPR Art. 33(1) would not require notifying the authority; it is still recorded, Art. 33(5)). */
    UNLIKELY,
    /** A risk: the authority is notified (GDPR Art. 33). */
    RISK,
    /** A high risk: the subjects are told too (GDPR Art. 34), unless an Art. 34(3) exemption applies. */
    HIGH
}
