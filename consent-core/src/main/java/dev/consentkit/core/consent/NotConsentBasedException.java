package dev.consentkit.core.consent;

import dev.consentkit.core.ConsentException;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.purpose.LegalBasis;

/**
 * A consent was recorded for a purpose whose legal basis is not consent. Asking for consent where
 * another basis applies misleads the subject (EDPB 05/2020), so it is refused.
 */
public final class NotConsentBasedException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param purpose the purpose
     * @param basis its declared basis
     */
    public NotConsentBasedException(PurposeId purpose, LegalBasis basis) {
        super("purpose " + purpose.value() + " is based on " + basis + ", not on consent: no consent can be recorded for it");
    }
}
