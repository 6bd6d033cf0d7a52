package dev.consentkit.core.register;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one notification clock of a breach stands at a given moment.
 *
 * @param breach the breach
 * @param deadline the deadline
 * @param notification the notification recorded for it, if any
 * @param state the state at the moment asked
 */
public record NotificationStatus(BreachId breach, BreachDeadline deadline, Optional<BreachNotification> notification,
                                 State state) {
    /** The state of a clock. */
    public enum State {
        /** Not notified, deadline not passed. */
        PENDING,
        /** Not notified, deadline passed. */
        OVERDUE,
        /** Notified by the deadline. */
        NOTIFIED_ON_TIME,
        /** Notified after the deadline, with the reason for the delay. */
        NOTIFIED_LATE
    }

    /** Checks for nulls. */
    public NotificationStatus {
        Objects.requireNonNull(breach, "breach");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(state, "state");
    }

    /** @return whether the deadline passed without a notification */
    public boolean isOverdue() {
        return state == State.OVERDUE;
    }
}
