package dev.consentkit.core.purpose;

import dev.consentkit.core.EventName;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a purpose keeps its data: a period counted from a trigger, e.g. "24 months after the
 * booking ended" or "3 years after withdrawal".
 *
 * @param period how long, positive
 * @param trigger when it starts to run
 * @param businessEvent the host's event name, present exactly when the trigger is
 *                      {@link RetentionTrigger#SINCE_BUSINESS_EVENT}
 */
public record RetentionDeclaration(Period period, RetentionTrigger trigger, Optional<EventName> businessEvent) {
    /**
     * @throws IllegalArgumentException if the period is not positive or the business event does not
     *                                  match the trigger
     */
    public RetentionDeclaration {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(businessEvent, "businessEvent");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention period must be positive");
        }
        if ((trigger == RetentionTrigger.SINCE_BUSINESS_EVENT) != businessEvent.isPresent()) {
            throw new IllegalArgumentException("a business event is named exactly when the trigger is SINCE_BUSINESS_EVENT");
        }
    }

    /**
     * @param period how long
     * @param trigger when it starts (not {@link RetentionTrigger#SINCE_BUSINESS_EVENT})
     * @return the declaration
     */
    public static RetentionDeclaration of(Period period, RetentionTrigger trigger) {
        return new RetentionDeclaration(period, trigger, Optional.empty());
    }

    /**
     * @param period how long
     * @param event the host's business event, e.g. {@code booking.ended}
     * @return a declaration anchored to that event
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the period is not positive
     */
    public static RetentionDeclaration afterEvent(Period period, EventName event) {
        return new RetentionDeclaration(period, RetentionTrigger.SINCE_BUSINESS_EVENT, Optional.of(Objects.requireNonNull(event, "event")));
    }
}
