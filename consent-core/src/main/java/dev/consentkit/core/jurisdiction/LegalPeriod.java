package dev.consentkit.core.jurisdiction;

import java.util.Objects;

/**
 * A period the law counts in: hours (wall-clock, weekends and holidays included), calendar days,
 * working days (from a {@link WorkingDayCalendar}) or months (by a pluggable month rule).
 *
 * @param amount how many units; positive
 * @param unit the unit
 */
public record LegalPeriod(int amount, Unit unit) {
    /** The units of legal periods. */
    public enum Unit {
        /** Wall-clock hours, weekends and holidays included. */
        HOURS,
        /** Calendar days. */
        CALENDAR_DAYS,
        /** Working days of the jurisdiction's calendar. */
        WORKING_DAYS,
        /** Calendar months. */
        MONTHS
    }

    /** Checks the amount. */
    public LegalPeriod {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("a legal period is positive, got " + amount);
        }
    }

    /** @param n hours @return the period */
    public static LegalPeriod hours(int n) {
        return new LegalPeriod(n, Unit.HOURS);
    }

    /** @param n calendar days @return the period */
    public static LegalPeriod days(int n) {
        return new LegalPeriod(n, Unit.CALENDAR_DAYS);
    }

    /** @param n working days @return the period */
    public static LegalPeriod workingDays(int n) {
        return new LegalPeriod(n, Unit.WORKING_DAYS);
    }

    /** @param n months @return the period */
    public static LegalPeriod months(int n) {
        return new LegalPeriod(n, Unit.MONTHS);
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
