package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.DeadlineCalculator;
import dev.consentkit.core.jurisdiction.DueTime;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.MonthRule;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines across the end of the shipped calendar (R-RU-10, R-RU-11, R-RU-13, R-RU-16; M12): every
 * computation - the answer period, the extension, the latest extended due time and a month rule that
 * rolls forward - answers for 2027 and later, marked provisional with the tables and rule it used;
 * with the year's table loaded the same receipts come out official. Receipts are noon in Moscow.
 */
class ProvisionalDeadlineTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DeadlineCalculator RU = DeadlineCalculator.of(Jurisdiction.RU_152FZ);
    private static final CalendarSource RU_2026 = YearlyWorkingDayCalendar.russia().source(2026);
    private static final CalendarSource RU_2027_PROVISIONAL = CalendarSource.parse("ru/2027@provisional:ru-labour-code-art112");

    private static Instant noonInMoscow(String date) {
        return LocalDate.parse(date).atTime(12, 0).atZone(MOSCOW).toInstant();
    }

    private static Instant endOfMoscowDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(MOSCOW).toInstant().minusNanos(1_000);
    }

    private static DeadlineCalculator with2027(String fixture) {
        return DeadlineCalculator.of(Jurisdiction.RU_152FZ.withCalendar(
                YearlyWorkingDayCalendar.russia().withTable(ProvisionalCalendarTest.fixture(fixture))));
    }

    @ParameterizedTest(name = "{0} received {1}: due {2}, provisional {3}")
    @CsvSource({
            // R-RU-10 / R-RU-16, 10 working days: the first receipt that reaches 2027 is 17 December
            "ACCESS,        2026-12-16, 2026-12-30, false",
            "ACCESS,        2026-12-17, 2027-01-11, true",
            "PORTABILITY,   2026-12-17, 2027-01-11, true",
            "OBJECTION,     2026-12-17, 2027-01-11, true",
            "ACCESS,        2026-12-20, 2027-01-12, true",
            // R-RU-11, 7 working days: from 22 December
            "RECTIFICATION, 2026-12-21, 2026-12-30, false",
            "RECTIFICATION, 2026-12-22, 2027-01-11, true",
            "ERASURE,       2026-12-22, 2027-01-11, true",
            "ERASURE,       2026-12-20, 2026-12-29, false",
            // R-RU-13, 3 working days: from 28 December
            "RESTRICTION,   2026-12-25, 2026-12-30, false",
            "RESTRICTION,   2026-12-28, 2027-01-11, true",
            // R-RU-15, 30 calendar days: no working-day calendar is consulted
            "WITHDRAWAL,    2026-12-20, 2027-01-19, false",
            // inside 2027: 8 March, and the May holidays moved by Art. 112 part 2
            "ACCESS,        2027-03-05, 2027-03-22, true",
            "ERASURE,       2027-04-28, 2027-05-11, true",
            // far ahead
            "ACCESS,        2099-12-28, 2100-01-19, true",
    })
    void everyTypeIsDueAcrossTheYearBoundary(RequestType type, String received, String due, boolean provisional) {
        DueTime d = RU.dueTime(type, noonInMoscow(received));
        assertThat(d.at()).isEqualTo(endOfMoscowDay(due));
        assertThat(d.isProvisional()).isEqualTo(provisional);
        assertThat(RU.due(type, noonInMoscow(received))).isEqualTo(d.at());
    }

    @Test
    void aProvisionalDeadlineNamesTheTableAndTheRuleItWasCountedOn() {
        DueTime d = RU.dueTime(RequestType.ACCESS, noonInMoscow("2026-12-20"));
        assertThat(d.basis()).containsExactly(RU_2026, RU_2027_PROVISIONAL);
        assertThat(RU.dueTime(RequestType.ERASURE, noonInMoscow("2026-12-20")).basis()).containsExactly(RU_2026);
        assertThat(RU.dueTime(RequestType.WITHDRAWAL, noonInMoscow("2026-12-20")).basis()).isEmpty();
    }

    @Test
    void theExtensionAndTheLatestExtendedDueTimeAreProvisionalToo() {
        Instant received = noonInMoscow("2026-12-20");
        DueTime extended = RU.extendedDueTime(RequestType.ACCESS, received, LegalPeriod.workingDays(5));
        assertThat(extended.at()).isEqualTo(endOfMoscowDay("2027-01-19"));
        assertThat(extended.isProvisional()).isTrue();
        assertThat(RU.latestExtendedDueTime(RequestType.ACCESS, received)).contains(extended);
        assertThat(RU.latestExtendedDue(RequestType.ACCESS, received)).contains(extended.at());
        assertThat(RU.extendedDue(RequestType.OBJECTION, received, LegalPeriod.workingDays(2)))
                .isEqualTo(endOfMoscowDay("2027-01-14"));
    }

    @ParameterizedTest(name = "rolling forward: received {0}, due {1}, provisional {2}")
    @CsvSource({
            "2026-11-10, 2026-12-10, false",
            "2026-12-01, 2027-01-11, true",
            "2026-12-31, 2027-02-01, true",
            "2027-04-12, 2027-05-12, true",
    })
    void aMonthRuleThatRollsForwardCrossesTheYearToo(String received, String due, boolean provisional) {
        Jurisdiction rolling = Jurisdiction.GDPR.withZone(MOSCOW)
                .withMonthRule(MonthRule.rollingForward(YearlyWorkingDayCalendar.russia()));
        DueTime d = DeadlineCalculator.of(rolling).dueTime(RequestType.ACCESS, noonInMoscow(received));
        assertThat(d.at()).isEqualTo(endOfMoscowDay(due));
        assertThat(d.isProvisional()).isEqualTo(provisional);
        assertThat(MonthRule.rollingForward(YearlyWorkingDayCalendar.russia()).dueDate(LocalDate.parse(received), 1))
                .isEqualTo(LocalDate.parse(due));
    }

    @ParameterizedTest(name = "{0} received {1}: provisional {2}, later table {3}, earlier table {4}")
    @CsvSource({
            "ACCESS,      2026-12-17, 2027-01-11, 2027-01-12, 2027-01-09",
            "ACCESS,      2026-12-20, 2027-01-12, 2027-01-13, 2027-01-11",
            "ERASURE,     2026-12-22, 2027-01-11, 2027-01-12, 2027-01-09",
            "RESTRICTION, 2026-12-28, 2027-01-11, 2027-01-12, 2027-01-09",
            "ERASURE,     2027-04-28, 2027-05-11, 2027-05-11, 2027-05-12",
    })
    void theYearsTableMakesTheSameReceiptOfficialEarlierOrLater(RequestType type, String received, String provisional,
                                                                String later, String earlier) {
        Instant at = noonInMoscow(received);
        assertThat(RU.dueTime(type, at).at()).isEqualTo(endOfMoscowDay(provisional));
        DueTime withLater = with2027("ru-2027-fixture-later.calendar").dueTime(type, at);
        DueTime withEarlier = with2027("ru-2027-fixture-earlier.calendar").dueTime(type, at);
        assertThat(withLater.at()).isEqualTo(endOfMoscowDay(later));
        assertThat(withEarlier.at()).isEqualTo(endOfMoscowDay(earlier));
        assertThat(List.of(withLater, withEarlier)).noneMatch(DueTime::isProvisional);
        assertThat(withLater.basis()).allMatch(s -> s instanceof CalendarSource.Table).isNotEmpty();
    }
}
