package dev.consentkit.crypto;

import dev.consentkit.core.ConsentException;
import dev.consentkit.core.consent.DenialReason;

/**
 * The subject's consent or the purpose's legal basis does not permit processing for the purpose
 * named; no key was unwrapped. The refusal is audited.
 */
public final class PurposeNotPermittedException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final DenialReason reason;

    /**
     * @param reason why the decision denied
     * @param what the field and purpose, without personal data
     */
    public PurposeNotPermittedException(DenialReason reason, String what) {
        super("processing of " + what + " not permitted: " + reason);
        this.reason = reason;
    }

    /** @return why the consent decision denied */
    public DenialReason reason() {
        return reason;
    }
}
