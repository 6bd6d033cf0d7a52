package dev.consentkit.core.rights;

import dev.consentkit.core.audit.AuditAction;
import java.util.Set;

/**
 * Where a subject request stands. The lifecycle:
 * <pre>
 * RECEIVED -&gt; IDENTITY_VERIFIED -&gt; IN_PROGRESS -&gt; COMPLETED
 *     |               |                |   \-&gt; EXTENDED -&gt; COMPLETED | REFUSED
 *     \---------------\----------------\-----&gt; REFUSED
 * </pre>
 * A request may be refused at any open step (identity not proven, manifestly unfounded, data kept
 * under a legal obligation); it is extended only while in progress, once; COMPLETED and REFUSED end
 * it.
 */
public enum RequestState {
    /** Received; the deadline runs. */
    RECEIVED("request.received"),
    /** The requester's identity was verified. */
    IDENTITY_VERIFIED("request.identity_verified"),
    /** Being worked on. */
    IN_PROGRESS("request.started"),
    /** The deadline was extended with a reasoned notice; still being worked on. */
    EXTENDED("request.extended"),
    /** Answered or carried out. */
    COMPLETED("request.completed"),
    /** Refused with a reason; the subject was told of the right to complain. */
    REFUSED("request.refused");

    private final AuditAction auditAction;

    RequestState(String auditCode) {
        this.auditAction = new AuditAction(auditCode);
    }

    /** @return whether the request still needs an answer */
    public boolean isOpen() {
        return this != COMPLETED && this != REFUSED;
    }

    /**
     * @param next a state
     * @return whether the lifecycle allows going from this state to {@code next}
     */
    public boolean canMoveTo(RequestState next) {
        return next(this).contains(next);
    }

    /** @return the audit action recorded when a request enters this state, e.g. {@code request.extended} */
    public AuditAction auditAction() {
        return auditAction;
    }

    private static Set<RequestState> next(RequestState from) {
        return switch (from) {
            case RECEIVED -> Set.of(IDENTITY_VERIFIED, REFUSED);
            case IDENTITY_VERIFIED -> Set.of(IN_PROGRESS, REFUSED);
            case IN_PROGRESS -> Set.of(EXTENDED, COMPLETED, REFUSED);
            case EXTENDED -> Set.of(COMPLETED, REFUSED);
            case COMPLETED, REFUSED -> Set.of();
        };
    }
}
