package dev.consentkit.core.jurisdiction;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a period in months ends. GDPR Art. 12(3) says "one month" without a rule; readings differ on
 * a date the month lacks and on a last day that is not a working day (REQUIREMENTS §4 item 10:
 * Regulation 1182/71 Art. 3 and the UK ICO's guidance). Both count the same-numbered day of the later
 * month, or its last day when it has no such day.
 *
 * <ul>
 *   <li>{@link #EARLIEST} (the default): that date, nothing more — received 31 January, due
 *       28 February (29 in a leap year). The earliest date any reading gives, so a controller that
 *       keeps it is in time under all of them.</li>
 *   <li>{@link #rollingForward(WorkingDayCalendar)}: that date, moved to the next working day of the
 *       given calendar when it is not one (Regulation 1182/71 Art. 3(4); ICO). Across a year the
 *       calendar answers only provisionally, the due date is provisional too.</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface MonthRule {
    /** The same-numbered day, or the month's last day; never moved. */
    MonthRule EARLIEST = (receivedOn, months) -> receivedOn.plusMonths(months);

    /**
     * @param receivedOn the date of receipt, in the jurisdiction's zone
     * @param months how many months, positive
     * @return the last day of the period
     * @throws UnknownCalendarYearException if the rule consults a calendar that has no answer for a year
     */
    LocalDate dueDate(LocalDate receivedOn, int months);

    /**
     * Like {@link #dueDate(LocalDate, int)}, and reports the source of every calendar day the rule
     * consulted, so a deadline knows which tables it rests on and whether it is provisional. The
     * default consults no calendar and reports nothing; a host's rule that consults a calendar
     * overrides it.
     *
     * @param receivedOn the date of receipt, in the jurisdiction's zone
     * @param months how many months, positive
     * @param consulted receives each source consulted
     * @return the last day of the period
     * @throws UnknownCalendarYearException if the rule consults a calendar that has no answer for a year
     */
    default LocalDate dueDate(LocalDate receivedOn, int months, Consumer<CalendarSource> consulted) {
        return dueDate(receivedOn, months);
    }

    /**
     * @param calendar the working days to roll forward to
     * @return the rule that moves a due date that is not a working day to the next working day
     */
    static MonthRule rollingForward(WorkingDayCalendar calendar) {
        return new RollingForward(Objects.requireNonNull(calendar, "calendar"));
    }
}
