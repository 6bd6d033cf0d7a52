package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.ConsentException;

/**
 * A request names a subject the kit has no ledger events for and the host's {@link SubjectDirectory}
 * does not know. Nothing was stored. See {@link SubjectRights#receive} for why.
 */
public final class UnknownSubjectException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param type the request type
     */
    public UnknownSubjectException(RequestType type) {
        super("a " + type + " request names a subject with no consent events that the host's subject directory"
                + " does not know: check the subject id, or register the requester with the host first");
    }
}
