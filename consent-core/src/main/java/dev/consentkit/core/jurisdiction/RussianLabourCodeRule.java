package dev.consentkit.core.jurisdiction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link ProvisionalRule#russianLabourCode()}: Labour Code of the Russian Federation Art. 112 in its
 * wording since 1 January 2013 (Federal Law No. 35-FZ of 23.04.2012), on a five-day week. Stateless.
 */
final class RussianLabourCodeRule implements ProvisionalRule {
    /** The rule's id, stored with the deadlines it answered for. */
    static final String ID = "ru-labour-code-art112";
    static final RussianLabourCodeRule INSTANCE = new RussianLabourCodeRule();
    /** The first year of the holiday list used here. */
    private static final int FIRST_YEAR = 2013;
    /** Art. 112 part 1, paragraphs 2-3: New Year holidays and Christmas; their weekend days move by decree. */
    private static final int JANUARY_HOLIDAYS = 8;
    /** Art. 112 part 1, the other paragraphs, in calendar order: a weekend day on one moves to the next working day. */
    private static final List<MonthDay> OTHER_HOLIDAYS = List.of(MonthDay.of(Month.FEBRUARY, 23),
            MonthDay.of(Month.MARCH, 8), MonthDay.of(Month.MAY, 1), MonthDay.of(Month.MAY, 9),
            MonthDay.of(Month.JUNE, 12), MonthDay.of(Month.NOVEMBER, 4));
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private RussianLabourCodeRule() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean covers(int year) {
        return year >= FIRST_YEAR;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!covers(date.getYear())) {
            throw new IllegalArgumentException("rule " + ID + " answers from " + FIRST_YEAR + ", not for " + date.getYear());
        }
        return !WEEKEND.contains(date.getDayOfWeek()) && !isHoliday(date) && !isMovedDayOff(date);
    }

    private static boolean isHoliday(LocalDate date) {
        return date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= JANUARY_HOLIDAYS
                || OTHER_HOLIDAYS.contains(MonthDay.from(date));
    }

    /** Art. 112 part 2: each weekend holiday outside January gives the next working day off. */
    private static boolean isMovedDayOff(LocalDate date) {
        LocalDate taken = null;
        for (MonthDay h : OTHER_HOLIDAYS) {
            LocalDate holiday = h.atYear(date.getYear());
            if (!WEEKEND.contains(holiday.getDayOfWeek())) {
                continue;
            }
            LocalDate moved = holiday.plusDays(1);
            while (WEEKEND.contains(moved.getDayOfWeek()) || isHoliday(moved) || moved.equals(taken)) {
                moved = moved.plusDays(1);
            }
            if (moved.equals(date)) {
                return true;
            }
            taken = moved;
        }
        return false;
    }

    @Override
    public String toString() {
        return "ProvisionalRule[" + ID + "]";
    }
}
