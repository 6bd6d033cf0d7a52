package dev.consentkit.core.rights;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link WorkingDayCalendar} made of yearly tables: for each year, the weekly days off plus the
 * dates that differ (public holidays, weekdays made days off, weekend days made working days), each
 * with its legal source. A year without a table is an {@link UnknownCalendarYearException}.
 *
 * <p>{@link #russia()} is the Russian production calendar shipped in the jar (2025 and 2026, from
 * Labour Code Art. 112 and the Government's yearly decrees on moving days off). A host loads its
 * own tables, or adds a year, with {@link #load} and {@link #withTable}; the table format is
 * described at the top of {@code dev/consentkit/core/rights/calendars/ru-2025.calendar}:
 *
 * <pre>{@code
 * WorkingDayCalendar ru = YearlyWorkingDayCalendar.russia().withTable(Files.newInputStream(ru2027));
 * Jurisdiction profile = Jurisdiction.RU_152FZ.withCalendar(ru);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class YearlyWorkingDayCalendar implements WorkingDayCalendar {
    private static final String RESOURCES = "calendars/";
    private static final YearlyWorkingDayCalendar RUSSIA = bundled("ru-2025.calendar", "ru-2026.calendar");
    private final String name;
    private final Map<Integer, CalendarTable> tables;

    private YearlyWorkingDayCalendar(String name, Map<Integer, CalendarTable> tables) {
        this.name = name;
        this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /**
     * @return the Russian production calendar (five-day week) for 2025 and 2026, named {@code ru}
     */
    public static YearlyWorkingDayCalendar russia() {
        return RUSSIA;
    }

    /**
     * Reads a calendar from yearly tables, one stream per year.
     *
     * @param tables the tables, UTF-8; each is read and closed
     * @return the calendar
     * @throws IllegalArgumentException if a table is malformed (the message names the line), the
     *                                  tables belong to different calendars, a year comes twice, or
     *                                  none is given
     * @throws java.io.UncheckedIOException if a stream fails
     */
    public static YearlyWorkingDayCalendar load(InputStream... tables) {
        Objects.requireNonNull(tables, "tables");
        if (tables.length == 0) {
            throw new IllegalArgumentException("a calendar needs at least one yearly table");
        }
        YearlyWorkingDayCalendar calendar = null;
        for (int i = 0; i < tables.length; i++) {
            CalendarTable table = CalendarTable.read(Objects.requireNonNull(tables[i], "table"), "#" + (i + 1));
            calendar = calendar == null ? new YearlyWorkingDayCalendar(table.calendar(), Map.of(table.year(), table))
                    : calendar.with(table);
        }
        return calendar;
    }

    /**
     * Adds a year.
     *
     * @param table the year's table, UTF-8; read and closed
     * @return a calendar with that year too
     * @throws IllegalArgumentException if the table is malformed, names another calendar, or covers
     *                                  a year this calendar has already (tables are never replaced
     *                                  silently)
     */
    public YearlyWorkingDayCalendar withTable(InputStream table) {
        return with(CalendarTable.read(Objects.requireNonNull(table, "table"), "for " + name));
    }

    private YearlyWorkingDayCalendar with(CalendarTable table) {
        if (!table.calendar().equals(name)) {
            throw new IllegalArgumentException("a table of calendar '" + table.calendar() + "' cannot join calendar '"
                    + name + "'");
        }
        if (tables.containsKey(table.year())) {
            throw new IllegalArgumentException("calendar '" + name + "' has a table for " + table.year() + " already");
        }
        Map<Integer, CalendarTable> more = new TreeMap<>(tables);
        more.put(table.year(), table);
        return new YearlyWorkingDayCalendar(name, more);
    }

    private static YearlyWorkingDayCalendar bundled(String... files) {
        List<InputStream> streams = new ArrayList<>();
        for (String file : files) {
            InputStream in = YearlyWorkingDayCalendar.class.getResourceAsStream(RESOURCES + file);
            if (in == null) {
                throw new IllegalStateException("the jar lacks calendar table " + RESOURCES + file);
            }
            streams.add(in);
        }
        return load(streams.toArray(InputStream[]::new));
    }

    /** @return the calendar's name, e.g. {@code ru} */
    public String name() {
        return name;
    }

    /** @return the years it has tables for, ascending */
    public NavigableSet<Integer> years() {
        return Collections.unmodifiableNavigableSet(new TreeSet<>(tables.keySet()));
    }

    /**
     * @param year a year
     * @return the legal sources its table names
     * @throws UnknownCalendarYearException if there is no table for it
     */
    public List<String> sources(int year) {
        return table(year).sources();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return table(Objects.requireNonNull(date, "date").getYear()).isWorkingDay(date);
    }

    /**
     * @param date a date
     * @return why it differs from the weekly pattern (a holiday, a moved day off, a working
     *         Saturday), with its source; empty for an ordinary day
     * @throws UnknownCalendarYearException if there is no table for its year
     */
    public Optional<String> note(LocalDate date) {
        return table(Objects.requireNonNull(date, "date").getYear()).day(date).map(CalendarTable.Day::note);
    }

    private CalendarTable table(int year) {
        CalendarTable table = tables.get(year);
        if (table == null) {
            throw new UnknownCalendarYearException(name, year);
        }
        return table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YearlyWorkingDayCalendar c && c.name.equals(name) && c.tables.equals(tables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tables);
    }

    @Override
    public String toString() {
        return "YearlyWorkingDayCalendar[" + name + ", years " + tables.keySet() + "]";
    }
}
