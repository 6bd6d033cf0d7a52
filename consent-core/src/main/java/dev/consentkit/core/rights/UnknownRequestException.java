package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.ConsentException;

/** No request has the given id. */
public final class UnknownRequestException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param id the id asked about
     */
    public UnknownRequestException(RequestId id) {
        super("no subject request has id " + id);
    }
}
