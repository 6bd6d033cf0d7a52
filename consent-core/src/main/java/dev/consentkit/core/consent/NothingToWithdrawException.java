package dev.consentkit.core.consent;

import dev.consentkit.core.ConsentException;

/** A withdrawal, revocation or renewal named a scope that has no valid consent to act on. */
public final class NothingToWithdrawException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param action what was attempted, e.g. {@code "withdraw"}
     * @param scope the scope
     */
    public NothingToWithdrawException(String action, ConsentScope scope) {
        super("cannot " + action + " consent for purpose " + scope.purpose().value()
                + ": no valid consent was given for that scope");
    }
}
