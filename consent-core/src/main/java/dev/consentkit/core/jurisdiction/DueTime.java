package dev.consentkit.core.jurisdiction;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A computed due time and the calendar sources it was counted on: the yearly tables (by the SHA-256
 * of their text) and the provisional rules consulted. A due time counted on any provisional day is
 * provisional: it may move, earlier or later, when the year's table is loaded.
 *
 * <p>Immutable.
 *
 * @param at the due time
 * @param basis the sources consulted, sorted, without duplicates; empty when no working-day calendar
 *              was consulted (hours, calendar days, months by {@link MonthRule#EARLIEST})
 */
public record DueTime(Instant at, List<CalendarSource> basis) {
    /** Copies and sorts the basis. */
    public DueTime {
        Objects.requireNonNull(at, "at");
        basis = sorted(basis);
    }

    /** @return whether any day it was counted on was answered provisionally */
    public boolean isProvisional() {
        return basis.stream().anyMatch(CalendarSource::isProvisional);
    }

    /**
     * The one order of a set of calendar sources (a request keeps its due basis in it).
     *
     * @param sources calendar sources
     * @return them sorted, without duplicates, unmodifiable
     */
    public static List<CalendarSource> sorted(Collection<CalendarSource> sources) {
        Objects.requireNonNull(sources, "basis");
        TreeSet<CalendarSource> set = new TreeSet<>();
        for (CalendarSource s : sources) {
            set.add(Objects.requireNonNull(s, "calendar source"));
        }
        return List.copyOf(set);
    }
}
