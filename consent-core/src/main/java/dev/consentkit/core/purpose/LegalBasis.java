package dev.consentkit.core.purpose;

/**
 * The lawful ground a purpose relies on (GDPR Art. 6(1), 152-FZ Art. 6(1)).
 *
 * <p>Only {@link #CONSENT} depends on the consent ledger; the others permit processing unless the
 * subject restricted it (Art. 18) or objected to it (Art. 21).
 */
public enum LegalBasis {
    /** The subject's consent, Art. 6(1)(a). */
    CONSENT("dpv:Consent"),
    /** Performance of or entering into a contract with the subject, Art. 6(1)(b). */
    CONTRACT("dpv:Contract"),
    /** A legal obligation of the controller, Art. 6(1)(c), e.g. keeping invoices. */
    LEGAL_OBLIGATION("dpv:LegalObligation"),
    /** Vital interests of the subject or another person, Art. 6(1)(d). */
    VITAL_INTERESTS("dpv:VitalInterest"),
    /** A task in the public interest or official authority, Art. 6(1)(e). */
    PUBLIC_TASK("dpv:PublicInterest"),
    /** Legitimate interests of the controller or a third party, Art. 6(1)(f). */
    LEGITIMATE_INTERESTS("dpv:LegitimateInterest");

    private final String dpvTerm;

    LegalBasis(String dpvTerm) {
        this.dpvTerm = dpvTerm;
    }

    /** @return the W3C Data Privacy Vocabulary term, e.g. {@code dpv:Consent} */
    public String dpvTerm() {
        return dpvTerm;
    }
}
