package dev.consentkit.core.consent;

import dev.consentkit.core.ConsentException;

/** An event time lies before the epoch or further in the future than the configured clock tolerance. */
public final class InvalidTimestampException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail what is wrong with the time (the time itself is not personal data)
     */
    public InvalidTimestampException(String detail) {
        super("invalid event time: " + detail);
    }
}
