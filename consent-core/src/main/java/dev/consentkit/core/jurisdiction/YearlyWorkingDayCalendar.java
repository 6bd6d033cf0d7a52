package dev.consentkit.core.jurisdiction;

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
 * with its legal source. Each table is known by the SHA-256 of its text ({@link #source(int)}), which
 * every deadline counted on it keeps.
 *
 * <p>A year without a table is answered only if the calendar declares a {@link ProvisionalRule}, and
 * then provisionally; otherwise it is an {@link UnknownCalendarYearException}. {@link #russia()} is the
 * Russian production calendar shipped in the jar (2025 and 2026, from Labour Code Art. 112 and the
 * Government's yearly decrees on moving days off) with {@link ProvisionalRule#russianLabourCode()} for
 * other years; a calendar {@link #load loaded} by the host has no rule unless it adds one. A host adds
 * a year with {@link #withTable}; the table format and how to ship one are in
 * {@code docs/guide/calendars.md}:
 *
 * <pre>{@code
 * YearlyWorkingDayCalendar ru = YearlyWorkingDayCalendar.russia().withTable(Files.newInputStream(ru2027));
 * Jurisdiction profile = Jurisdiction.RU_152FZ.withCalendar(ru);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class YearlyWorkingDayCalendar implements WorkingDayCalendar {
    private static final String RESOURCES = "calendars/";
    private static final YearlyWorkingDayCalendar RUSSIA = bundled("ru-2025.calendar", "ru-2026.calendar")
            .withProvisionalRule(ProvisionalRule.russianLabourCode());
    private final String name;
    private final Map<Integer, CalendarTable> tables;
    private final Optional<ProvisionalRule> provisional;

    private YearlyWorkingDayCalendar(String name, Map<Integer, CalendarTable> tables,
                                     Optional<ProvisionalRule> provisional) {
        this.name = name;
        this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        this.provisional = provisional;
    }

    /**
     * @return the Russian production calendar (five-day week) named {@code ru}: the shipped tables for
     *         2025 and 2026, and {@link ProvisionalRule#russianLabourCode()} for years without a table
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
            calendar = calendar == null ? new YearlyWorkingDayCalendar(table.calendar(), Map.of(table.year(), table),
                    Optional.empty()) : calendar.with(table);
        }
        return calendar;
    }

    /**
     * Adds a year.
     *
     * @param table the year's table, UTF-8; read and closed
     * @return a calendar with that year too, and the same provisional rule (which no longer answers
     *         for that year)
     * @throws IllegalArgumentException if the table is malformed, names another calendar, or covers
     *                                  a year this calendar has already (tables are never replaced
     *                                  silently)
     * @throws java.io.UncheckedIOException if the stream fails
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
        return new YearlyWorkingDayCalendar(name, more, provisional);
    }

    /**
     * Declares how years without a table are answered until their table is loaded.
     *
     * @param rule the rule
     * @return this calendar with that rule instead of any other
     * @throws IllegalArgumentException if the rule's id is malformed
     */
    public YearlyWorkingDayCalendar withProvisionalRule(ProvisionalRule rule) {
        Objects.requireNonNull(rule, "rule");
        Patterns.checkRule(rule.id());
        return new YearlyWorkingDayCalendar(name, tables, Optional.of(rule));
    }

    /**
     * @return this calendar without a provisional rule: a year without a table is an
     *         {@link UnknownCalendarYearException} again (for a host that would rather refuse a request
     *         than record a provisional deadline)
     */
    public YearlyWorkingDayCalendar withoutProvisionalRule() {
        return new YearlyWorkingDayCalendar(name, tables, Optional.empty());
    }

    /** @return the rule that answers years without a table, if the calendar declares one */
    public Optional<ProvisionalRule> provisionalRule() {
        return provisional;
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

    /** @return the years it has tables for, ascending (years answered provisionally are not among them) */
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

    /**
     * @param year a year
     * @return what answers for it: its table, or the provisional rule when there is no table
     * @throws UnknownCalendarYearException if there is neither
     */
    public CalendarSource source(int year) {
        CalendarTable table = tables.get(year);
        if (table != null) {
            return table.source();
        }
        ProvisionalRule rule = rule(year);
        return new CalendarSource.Provisional(name, year, rule.id());
    }

    /**
     * @throws UnknownCalendarYearException if the year has no table and no provisional rule covers it
     */
    @Override
    public boolean isWorkingDay(LocalDate date) {
        return day(date).working();
    }

    /**
     * @throws UnknownCalendarYearException if the year has no table and no provisional rule covers it
     */
    @Override
    public CalendarDay day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarTable table = tables.get(date.getYear());
        if (table != null) {
            return new CalendarDay(date, table.isWorkingDay(date), Optional.of(table.source()));
        }
        ProvisionalRule rule = rule(date.getYear());
        return new CalendarDay(date, rule.isWorkingDay(date),
                Optional.of(new CalendarSource.Provisional(name, date.getYear(), rule.id())));
    }

    /** @return whether the year has a table */
    @Override
    public boolean isOfficial(int year) {
        return tables.containsKey(year);
    }

    private ProvisionalRule rule(int year) {
        return provisional.filter(r -> r.covers(year)).orElseThrow(() -> new UnknownCalendarYearException(name, year));
    }

    /**
     * @param date a date
     * @return why it differs from the weekly pattern (a holiday, a moved day off, a working
     *         Saturday), with its source, as its year's table says; empty for an ordinary day
     * @throws UnknownCalendarYearException if there is no table for its year (a provisional rule gives
     *                                      no notes)
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
        return o instanceof YearlyWorkingDayCalendar c && c.name.equals(name) && c.tables.equals(tables)
                && c.provisional.equals(provisional);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tables, provisional);
    }

    @Override
    public String toString() {
        return "YearlyWorkingDayCalendar[" + name + ", years " + tables.keySet()
                + provisional.map(r -> ", provisional rule " + r.id()).orElse("") + "]";
    }
}
