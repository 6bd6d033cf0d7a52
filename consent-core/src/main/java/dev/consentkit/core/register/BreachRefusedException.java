package dev.consentkit.core.register;

import dev.consentkit.core.ConsentException;
import java.util.Objects;

/**
 * The breach register refused a step; nothing was stored. The message names the breach, the clock and
 * the missing or wrong field, never the free texts.
 */
public class BreachRefusedException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /** Why a step was refused. */
    public enum Reason {
        /** A time lies before another it must follow, or in the future. */
        TIME_OUT_OF_ORDER,
        /** The record lacks a field the notification must contain. */
        CONTENT_MISSING,
        /** The notification is late and names no reason for the delay (GDPR Art. 33(1)). */
        DELAY_REASON_REQUIRED,
        /** A delay reason was given for a notification that is not late. */
        NOT_LATE,
        /** The breach has no such clock. */
        UNKNOWN_CLOCK,
        /** That clock's notification is recorded already. */
        ALREADY_NOTIFIED,
        /** No breach with that id is recorded. */
        UNKNOWN_BREACH,
        /** The data is declared encrypted, but an affected category has no encrypted field. */
        ENCRYPTION_NOT_DECLARED
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what, naming ids and field names only
     */
    public BreachRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the step was refused */
    public Reason reason() {
        return reason;
    }
}
