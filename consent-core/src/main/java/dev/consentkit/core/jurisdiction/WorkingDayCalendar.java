package dev.consentkit.core.jurisdiction;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which dates are working days. A calendar made of yearly tables ({@link YearlyWorkingDayCalendar})
 * answers a year without a table only if it declares a {@link ProvisionalRule}, and then
 * provisionally; otherwise such a date is an {@link UnknownCalendarYearException}.
 *
 * <p>A host may implement {@link #isWorkingDay} alone (a lambda will do): its answers count as
 * official and name no source. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface WorkingDayCalendar {
    /**
     * @param date a date
     * @return whether it is a working day
     * @throws UnknownCalendarYearException if the calendar can give no answer for its year
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * What the calendar says about a date and on what authority; deadlines are counted with this, so
     * they know which tables they rest on and whether any day was provisional. The default answers
     * from {@link #isWorkingDay} and names no source.
     *
     * @param date a date
     * @return the answer with its source
     * @throws UnknownCalendarYearException if the calendar can give no answer for its year
     */
    default CalendarDay day(LocalDate date) {
        return new CalendarDay(date, isWorkingDay(date), Optional.empty());
    }

    /**
     * Whether the calendar answers every date of a year from official data (a table), never
     * provisionally. The default asks {@link #day} about 1 January of the year.
     *
     * @param year a year
     * @return whether the year's answers are official
     */
    default boolean isOfficial(int year) {
        try {
            return !day(LocalDate.of(year, 1, 1)).isProvisional();
        } catch (UnknownCalendarYearException e) {
            return false;
        }
    }
}
