package dev.consentkit.core.purpose;

import dev.consentkit.core.ConsentException;
import dev.consentkit.core.PurposeId;

/** A purpose id that the processing catalogue does not declare was used to record consent. */
public final class UnknownPurposeException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final String purpose;

    /**
     * @param purpose the undeclared id
     */
    public UnknownPurposeException(PurposeId purpose) {
        super("unknown purpose '" + purpose.value() + "': it is not declared in the processing catalogue");
        this.purpose = purpose.value();
    }

    /** @return the undeclared purpose id */
    public PurposeId purpose() {
        return PurposeId.of(purpose);
    }
}
