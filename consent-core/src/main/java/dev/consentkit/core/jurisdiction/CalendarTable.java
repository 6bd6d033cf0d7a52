package dev.consentkit.core.jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One year of a working-day calendar, read from its text table (format in
 * {@code docs/guide/calendars.md}). Immutable.
 *
 * @param calendar the calendar's name
 * @param year the year
 * @param weekend the weekly days off
 * @param sources the legal sources named by the table
 * @param days the dates that differ from the weekly pattern, with their kind and note
 * @param sha256 the SHA-256 of the table's bytes as read: its identity in the deadlines counted on it
 */
record CalendarTable(String calendar, int year, Set<DayOfWeek> weekend, List<String> sources,
                     Map<LocalDate, Day> days, String sha256) {

    /** The kinds of listed dates. */
    enum Kind {
        HOLIDAY, DAY_OFF, WORKING
    }

    /**
     * @param kind the kind
     * @param note why, with its source
     */
    record Day(Kind kind, String note) {
    }

    CalendarTable {
        weekend = Set.copyOf(weekend);
        sources = List.copyOf(sources);
        days = Map.copyOf(days);
        Patterns.check(calendar, year);
    }

    /** @return this table as the source of the answers it gives */
    CalendarSource.Table source() {
        return new CalendarSource.Table(calendar, year, sha256);
    }

    boolean isWorkingDay(LocalDate date) {
        Day day = days.get(date);
        if (day != null) {
            return day.kind() == Kind.WORKING;
        }
        return !weekend.contains(date.getDayOfWeek());
    }

    /**
     * Reads one table.
     *
     * @param in the table, UTF-8; closed by this method
     * @param what where it comes from, for messages
     * @return the table
     * @throws IllegalArgumentException naming the line of the first mistake
     */
    static CalendarTable read(InputStream in, String what) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read calendar table " + what, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("calendar table " + what + " is not UTF-8 text", e);
        }
        return parse(text.lines().toList(), what, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static CalendarTable parse(List<String> lines, String what, String sha256) {
        String calendar = null;
        Integer year = null;
        Set<DayOfWeek> weekend = null;
        List<String> sources = new ArrayList<>();
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "calendar table " + what + " line " + (i + 1) + ": ";
            String[] parts = line.split("\\s+", 2);
            String key = parts[0];
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (key) {
                case "calendar" -> {
                    if (calendar != null || !Patterns.CALENDAR.matcher(rest).matches()) {
                        throw new IllegalArgumentException(where + "one 'calendar' name of lower-case letters, digits, '-' or '_'");
                    }
                    calendar = rest;
                }
                case "year" -> {
                    if (year != null || !rest.matches("\\d{4}")) {
                        throw new IllegalArgumentException(where + "one 'year' of four digits");
                    }
                    year = Integer.parseInt(rest);
                }
                case "weekend" -> {
                    if (weekend != null || rest.isEmpty()) {
                        throw new IllegalArgumentException(where + "one 'weekend' line naming the weekly days off");
                    }
                    weekend = EnumSet.noneOf(DayOfWeek.class);
                    for (String d : rest.split("\\s+")) {
                        try {
                            weekend.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(where + "'" + d + "' is not a day of the week", e);
                        }
                    }
                }
                case "source" -> {
                    if (rest.isEmpty()) {
                        throw new IllegalArgumentException(where + "a 'source' names a legal source");
                    }
                    sources.add(rest);
                }
                case "holiday", "day-off", "working" -> {
                    if (year == null || weekend == null) {
                        throw new IllegalArgumentException(where + "'year' and 'weekend' come before the dates");
                    }
                    dayLine(key, rest, year, weekend, days, where);
                }
                default -> throw new IllegalArgumentException(where + "unknown keyword '" + key
                        + "' (calendar, year, weekend, source, holiday, day-off, working)");
            }
        }
        String head = "calendar table " + what + ": ";
        if (calendar == null || year == null || weekend == null) {
            throw new IllegalArgumentException(head + "needs 'calendar', 'year' and 'weekend' lines");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(head + "needs at least one 'source' line naming where its dates come from");
        }
        return new CalendarTable(calendar, year, weekend, sources, days, sha256);
    }

    private static void dayLine(String key, String rest, int year, Set<DayOfWeek> weekend, Map<LocalDate, Day> days,
                                String where) {
        String[] parts = rest.split("\\s+", 2);
        LocalDate date;
        try {
            date = LocalDate.parse(parts[0]);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + "'" + parts[0] + "' is not a date (yyyy-mm-dd)", e);
        }
        if (parts.length < 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException(where + "every date needs a note naming its source");
        }
        if (date.getYear() != year) {
            throw new IllegalArgumentException(where + date + " lies outside the table's year " + year);
        }
        Kind kind = switch (key) {
            case "holiday" -> Kind.HOLIDAY;
            case "day-off" -> Kind.DAY_OFF;
            default -> Kind.WORKING;
        };
        boolean weekly = weekend.contains(date.getDayOfWeek());
        if (kind == Kind.WORKING && !weekly) {
            throw new IllegalArgumentException(where + date + " is a " + date.getDayOfWeek()
                    + ", a working day already: 'working' is for a weekly day off made a working day");
        }
        if (kind == Kind.DAY_OFF && weekly) {
            throw new IllegalArgumentException(where + date + " is a " + date.getDayOfWeek()
                    + ", a day off already: 'day-off' is for a moved day off on a weekday");
        }
        if (days.putIfAbsent(date, new Day(kind, parts[1].strip())) != null) {
            throw new IllegalArgumentException(where + date + " is listed twice");
        }
    }

    Optional<Day> day(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }
}
