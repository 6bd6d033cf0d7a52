package dev.consentkit.core.consent;

/**
 * The state of a consent, as in ISO/IEC TS 27560 and the W3C Data Privacy Vocabulary.
 *
 * <p>Only {@link #GIVEN} and {@link #RENEWED_GIVEN} are valid for processing.
 */
public enum ConsentStatus {
    /** The subject gave consent. */
    GIVEN("dpv:ConsentGiven"),
    /** The subject re-confirmed an earlier consent. */
    RENEWED_GIVEN("dpv:RenewedConsentGiven"),
    /** Consent was asked for and no answer came yet. */
    REQUESTED("dpv:ConsentRequested"),
    /** The subject said no. */
    REFUSED("dpv:ConsentRefused"),
    /** The subject took consent back. */
    WITHDRAWN("dpv:ConsentWithdrawn"),
    /** Someone other than the subject (the controller, a guardian) ended it. */
    REVOKED("dpv:ConsentRevoked"),
    /** Its validity period ran out without re-confirmation. */
    EXPIRED("dpv:ConsentExpired"),
    /** It no longer holds, e.g. its notice changed in a major way. */
    INVALIDATED("dpv:ConsentInvalidated");

    private final String dpvTerm;

    ConsentStatus(String dpvTerm) {
        this.dpvTerm = dpvTerm;
    }

    /** @return whether processing may rely on it */
    public boolean isValid() {
        return this == GIVEN || this == RENEWED_GIVEN;
    }

    /** @return the DPV term, e.g. {@code dpv:ConsentGiven} */
    public String dpvTerm() {
        return dpvTerm;
    }
}
