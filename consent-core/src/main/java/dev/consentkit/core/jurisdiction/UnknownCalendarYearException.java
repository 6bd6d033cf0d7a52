package dev.consentkit.core.jurisdiction;

import dev.consentkit.core.ConsentException;

/** A working-day calendar was asked about a year it has no table for. */
public final class UnknownCalendarYearException extends ConsentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param calendar the calendar's name
     * @param year the year asked about
     */
    public UnknownCalendarYearException(String calendar, int year) {
        super("working-day calendar " + calendar + " has no table for " + year);
    }
}
