package dev.consentkit.core.jurisdiction;

import dev.consentkit.core.ConsentException;

/**
 * An extension of a request's deadline the law does not allow: without a reason, past the legal
 * maximum, for a type that has none, a second one, or one recorded after the request fell due.
 * Nothing was stored.
 */
public final class InvalidExtensionException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which rule, without personal data
     */
    public InvalidExtensionException(String message) {
        super(message);
    }
}
