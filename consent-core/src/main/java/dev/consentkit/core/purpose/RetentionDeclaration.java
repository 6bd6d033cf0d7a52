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
     * The declaration in English words, as the processing register and Kantara receipts state it:
     * {@code "24 months after the business event order.closed"}, {@code "1 year 6 months after
     * withdrawal of consent"}.
     *
     * @return the period and its trigger in words
     */
    public String inWords() {
        String after = switch (trigger) {
            case SINCE_COLLECTION -> "after collection";
            case SINCE_LAST_INTERACTION -> "after the last interaction";
            case SINCE_PURPOSE_ENDED -> "after the purpose ended";
            case SINCE_WITHDRAWAL -> "after withdrawal of consent";
            case SINCE_BUSINESS_EVENT -> "after the business event " + businessEvent.orElseThrow();
        };
        StringBuilder words = new StringBuilder();
        unit(words, period.getYears(), "year");
        unit(words, period.getMonths(), "month");
        unit(words, period.getDays(), "day");
        return words.append(after).toString();
    }

    private static void unit(StringBuilder words, int n, String unit) {
        if (n != 0) {
            words.append(n).append(' ').append(unit).append(n == 1 ? " " : "s ");
        }
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
