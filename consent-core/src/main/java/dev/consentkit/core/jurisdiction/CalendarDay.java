package dev.consentkit.core.jurisdiction;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WorkingDayCalendar} says about one date, and on what authority.
 *
 * <p>Immutable.
 *
 * @param date the date
 * @param working whether it is a working day
 * @param source the table or provisional rule that answered; empty when the calendar names none (a
 *               host's own implementation that only answers {@link WorkingDayCalendar#isWorkingDay})
 */
public record CalendarDay(LocalDate date, boolean working, Optional<CalendarSource> source) {
    /** @throws IllegalArgumentException if the source is for another year than the date's */
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        if (source.isPresent() && source.get().year() != date.getYear()) {
            throw new IllegalArgumentException("the source of " + date + " is for " + source.get().year());
        }
    }

    /** @return whether the answer is provisional: the calendar had no table for the year */
    public boolean isProvisional() {
        return source.map(CalendarSource::isProvisional).orElse(false);
    }
}
