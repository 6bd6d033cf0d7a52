package dev.consentkit.core.rights;

import dev.consentkit.core.RequestId;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.ConsentException;
import java.util.Objects;

/**
 * A subject request that does not let its subject's protected values be opened: a value is opened for
 * an export only while an {@link RequestType#ACCESS} or {@link RequestType#PORTABILITY} request whose
 * identity was verified is being answered ({@link RequestState#IDENTITY_VERIFIED},
 * {@link RequestState#IN_PROGRESS} or {@link RequestState#EXTENDED}). Nothing was opened; the refusal
 * is audited.
 */
public final class IneligibleRequestException extends ConsentException {
    private static final long serialVersionUID = 1L;
    private final RequestType type;
    private final RequestState state;

    /**
     * @param id the request
     * @param type its type
     * @param state its state
     */
    public IneligibleRequestException(RequestId id, RequestType type, RequestState state) {
        super("request " + Objects.requireNonNull(id, "id") + " (" + type + ", " + state + ") does not open"
                + " protected values: that needs an ACCESS or PORTABILITY request whose identity was verified"
                + " and which is not closed");
        this.type = type;
        this.state = state;
    }

    /** @return the request's type */
    public RequestType type() {
        return type;
    }

    /** @return the request's state when it was refused */
    public RequestState state() {
        return state;
    }
}
