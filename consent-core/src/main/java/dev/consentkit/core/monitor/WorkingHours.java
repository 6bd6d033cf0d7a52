package dev.consentkit.core.monitor;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When staff are expected to open personal data: days of the week and a daily span, in a time zone.
 * The span is {@code [start, end)}; an end before the start spans midnight (a night shift), counted
 * on the day it starts.
 *
 * @param zone the studio's time zone
 * @param start first minute of work
 * @param end first minute after work; differs from {@code start}
 * @param days working days, at least one
 */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
    /**
     * @throws IllegalArgumentException if start equals end or no day is given
     */
    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(days, "days");
        if (start.equals(end)) {
            throw new IllegalArgumentException("working hours must not start and end at the same time");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("working hours need at least one working day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /**
     * @param zone the time zone
     * @param start first minute of work
     * @param end first minute after work
     * @return Monday to Friday between {@code start} and {@code end}
     */
    public static WorkingHours weekdays(ZoneId zone, LocalTime start, LocalTime end) {
        return new WorkingHours(zone, start, end, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    /**
     * @param time an instant
     * @return whether it falls inside these working hours
     */
    public boolean contains(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalTime t = local.toLocalTime();
        if (start.isBefore(end)) {
            return days.contains(local.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
        }
        if (!t.isBefore(start)) {
            return days.contains(local.getDayOfWeek());
        }
        return t.isBefore(end) && days.contains(local.getDayOfWeek().minus(1));
    }
}
