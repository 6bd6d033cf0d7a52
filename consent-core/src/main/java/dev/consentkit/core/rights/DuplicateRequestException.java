package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.ConsentException;

/** The subject already has an open request of the same type; answer that one. Nothing was stored. */
public final class DuplicateRequestException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final RequestId open;

    /**
     * @param type the type
     * @param open the open request
     */
    public DuplicateRequestException(RequestType type, RequestId open) {
        super("the subject has an open " + type + " request already: " + open);
        this.open = open;
    }

    /** @return the open request of the same type */
    public RequestId openRequest() {
        return open;
    }
}
