package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.ConsentException;

/** A lifecycle step the request's state does not allow (see {@link RequestState}). Nothing was stored. */
public final class IllegalRequestTransitionException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final RequestState from;
    private final RequestState to;

    /**
     * @param id the request
     * @param from its state
     * @param to the state asked for
     */
    public IllegalRequestTransitionException(RequestId id, RequestState from, RequestState to) {
        super("request " + id + " is " + from + ": it cannot become " + to
                + (from.isOpen() ? "" : " (it is closed)"));
        this.from = from;
        this.to = to;
    }

    /** @return the request's state */
    public RequestState from() {
        return from;
    }

    /** @return the state asked for */
    public RequestState to() {
        return to;
    }
}
