package dev.consentkit.core.rights;

import java.time.LocalDate;
import java.util.Objects;

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
 *       given calendar when it is not one (Regulation 1182/71 Art. 3(4); ICO).</li>
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
     */
    LocalDate dueDate(LocalDate receivedOn, int months);

    /**
     * @param calendar the working days to roll forward to
     * @return the rule that moves a due date that is not a working day to the next working day
     */
    static MonthRule rollingForward(WorkingDayCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return (receivedOn, months) -> {
            LocalDate due = receivedOn.plusMonths(months);
            for (int i = 0; i < 366 && !calendar.isWorkingDay(due); i++) {
                due = due.plusDays(1);
            }
            if (!calendar.isWorkingDay(due)) {
                throw new IllegalStateException("the calendar has no working day in the year after " + due);
            }
            return due;
        };
    }
}
