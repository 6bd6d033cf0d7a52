package dev.consentkit.core.jurisdiction;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link MonthRule#rollingForward}: the same-numbered day, moved to the next working day of a
 * calendar. Immutable and thread-safe when its calendar is.
 *
 * @param calendar the working days to roll forward to
 */
record RollingForward(WorkingDayCalendar calendar) implements MonthRule {
    /** A year is the longest run of days off any calendar may have before it is broken. */
    private static final int MOST_DAYS_OFF = 366;

    RollingForward {
        Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public LocalDate dueDate(LocalDate receivedOn, int months) {
        return dueDate(receivedOn, months, s -> { });
    }

    @Override
    public LocalDate dueDate(LocalDate receivedOn, int months, Consumer<CalendarSource> consulted) {
        Objects.requireNonNull(consulted, "consulted");
        LocalDate due = receivedOn.plusMonths(months);
        for (int i = 0; i <= MOST_DAYS_OFF; i++) {
            CalendarDay day = calendar.day(due);
            day.source().ifPresent(consulted);
            if (day.working()) {
                return due;
            }
            due = due.plusDays(1);
        }
        throw new IllegalStateException("the calendar has no working day in the year after " + receivedOn.plusMonths(months));
    }
}
