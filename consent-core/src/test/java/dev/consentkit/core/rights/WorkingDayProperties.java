package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.DeadlineCalculator;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of working-day counting on the shipped Russian calendar (R-RU-10). */
class WorkingDayProperties {
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final DeadlineCalculator RU = DeadlineCalculator.of(Jurisdiction.RU_152FZ);
    private static final YearlyWorkingDayCalendar CALENDAR = YearlyWorkingDayCalendar.russia();

    @Property
    void theDueDayIsTheNthWorkingDayAfterReceipt(@ForAll @IntRange(min = 0, max = 660) int offset,
                                                 @ForAll @IntRange(min = 1, max = 15) int n) {
        LocalDate received = FIRST.plusDays(offset);
        LocalDate due = RU.dueDate(received, LegalPeriod.workingDays(n));

        assertThat(CALENDAR.isWorkingDay(due)).isTrue();
        int counted = 0;
        for (LocalDate d = received.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
            counted += CALENDAR.isWorkingDay(d) ? 1 : 0;
        }
        assertThat(counted).isEqualTo(n);
    }

    @Property
    void aLaterReceiptIsNeverDueEarlier(@ForAll @IntRange(min = 0, max = 660) int offset,
                                         @ForAll @IntRange(min = 1, max = 15) int n) {
        LocalDate day = FIRST.plusDays(offset);
        assertThat(RU.dueDate(day.plusDays(1), LegalPeriod.workingDays(n)))
                .isAfterOrEqualTo(RU.dueDate(day, LegalPeriod.workingDays(n)));
    }
}
