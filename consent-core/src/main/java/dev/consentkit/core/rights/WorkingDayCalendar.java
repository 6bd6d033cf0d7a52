package dev.consentkit.core.rights;

import java.time.LocalDate;

/**
 * Which dates are working days, from yearly tables. A date in a year the calendar has no table for
 * is an error ({@link UnknownCalendarYearException}), never a guess.
 */
public interface WorkingDayCalendar {
    /**
     * @param date a date
     * @return whether it is a working day
     * @throws UnknownCalendarYearException if the calendar has no table for its year
     */
    boolean isWorkingDay(LocalDate date);
}
