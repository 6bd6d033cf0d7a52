package dev.consentkit.core.jurisdiction;

import java.time.LocalDate;

/**
 * How a working-day calendar answers for a year it has no table for, until that table is loaded.
 * Every answer it gives is provisional: a deadline counted on one is stored with a provisional mark
 * and recomputed by {@link dev.consentkit.core.rights.SubjectRights#recomputeProvisionalDeadlines} once the year's table is
 * loaded. A calendar has a rule only if it declares one ({@link YearlyWorkingDayCalendar#withProvisionalRule});
 * without one, a year without a table stays an {@link UnknownCalendarYearException}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ProvisionalRule {
    /**
     * @return a stable id, stored with every deadline the rule answered for (see
     *         {@link CalendarSource.Provisional}); lower-case letters, digits, {@code . _ -}, at most
     *         64 characters. Change it when the rule's answers change.
     */
    String id();

    /**
     * @param year a year without a table
     * @return whether the rule answers for it; the default answers every year
     */
    default boolean covers(int year) {
        return true;
    }

    /**
     * @param date a date in a year the rule {@linkplain #covers covers}
     * @return whether it is a working day by the rule
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * The Russian rule (id {@value RussianLabourCodeRule#ID}), for 2013 and later: Saturday and Sunday
     * off; the non-working public holidays of Labour Code Art. 112 part 1 (1-8 January, 23 February,
     * 8 March, 1 May, 9 May, 12 June, 4 November); and, by Art. 112 part 2, a Saturday or Sunday that
     * coincides with one of those holidays moves to the next working day - except a day off that
     * coincides with the January holidays, which the Government moves by its yearly decree: until the
     * decree's table is loaded, the days it will make off count as working days, so the provisional
     * deadline falls earlier rather than later. A decree may also make a Saturday a working day or
     * move a day off elsewhere, which the rule cannot know: the official deadline can then differ
     * either way, and recomputation applies it.
     *
     * @return the rule
     */
    static ProvisionalRule russianLabourCode() {
        return RussianLabourCodeRule.INSTANCE;
    }
}
