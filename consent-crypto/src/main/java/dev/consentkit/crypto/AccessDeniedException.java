package dev.consentkit.crypto;

import dev.consentkit.core.ConsentException;
import dev.consentkit.core.access.AccessDecision;

/** The access policy refused the principal; no key was unwrapped. The refusal is audited. */
public final class AccessDeniedException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final AccessDecision.Reason reason;

    /**
     * @param reason why
     * @param what the field and purpose, without personal data
     */
    public AccessDeniedException(AccessDecision.Reason reason, String what) {
        super("access to " + what + " refused: " + reason);
        this.reason = reason;
    }

    /** @return why access was refused */
    public AccessDecision.Reason reason() {
        return reason;
    }
}
