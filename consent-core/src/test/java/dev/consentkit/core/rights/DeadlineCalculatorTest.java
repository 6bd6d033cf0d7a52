package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.InvalidExtensionException;
import dev.consentkit.core.jurisdiction.DeadlineCalculator;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.MonthRule;
import dev.consentkit.core.jurisdiction.RequestDeadline;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.jurisdiction.UnknownCalendarYearException;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table tests of every deadline rule (M12; R-GDPR-13; R-RU-10, R-RU-11, R-RU-13, R-RU-15, R-RU-16),
 * each receipt a fixed instant. Due times are the last microsecond of the due day in the profile's
 * zone: Moscow is UTC+3 all year, so a Russian due day D ends at {@code D T20:59:59.999999Z}.
 */
class DeadlineCalculatorTest {
    private static final DeadlineCalculator RU = DeadlineCalculator.of(Jurisdiction.RU_152FZ);
    private static final DeadlineCalculator EU = DeadlineCalculator.of(Jurisdiction.GDPR);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static Instant endOfMoscowDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(MOSCOW).toInstant().minusNanos(1_000);
    }

    @ParameterizedTest(name = "RU {0} received {1}: due {2} ({3})")
    @CsvSource({
            // R-RU-10 access, 10 working days: over the New Year holidays 2026 (31 Dec, 1-11 Jan off)
            "ACCESS,        2025-12-24T09:00:00Z, 2026-01-19, New Year holidays and the moved 9 January skipped",
            // a Saturday worked (1 Nov 2025) counts; the Monday it moved (3 Nov) and 4 Nov do not
            "ACCESS,        2025-10-31T09:00:00Z, 2025-11-17, working Saturday 1 November counted",
            // received on a Saturday: counting starts on the next working day (8 March Sunday -> 9 March off)
            "PORTABILITY,   2026-03-07T09:00:00Z, 2026-03-23, received on a weekend before a moved day off",
            // the day of receipt is the Moscow date: 21:30 UTC on 2 Feb is 00:30 on Tuesday 3 Feb
            "ACCESS,        2026-02-02T21:30:00Z, 2026-02-17, receipt after midnight in Moscow",
            "ACCESS,        2026-02-02T20:59:59Z, 2026-02-16, receipt just before midnight in Moscow",
            // R-RU-11 rectification and erasure, 7 working days: May holidays 2026 (9 May Sat -> 11 May Mon)
            "RECTIFICATION, 2026-05-06T12:00:00Z, 2026-05-18, Victory Day on a Saturday moves to Monday 11 May",
            "ERASURE,       2025-06-10T12:00:00Z, 2025-06-23, 12 June and the moved 13 June skipped",
            // R-RU-13 restriction, 3 working days, received the day before 31 December 2025
            "RESTRICTION,   2025-12-30T12:00:00Z, 2026-01-14, 31 December and 1-11 January skipped",
            // R-RU-16 objection, 10 working days over the May 2025 holidays (8 May moved from 23 Feb)
            "OBJECTION,     2025-05-07T12:00:00Z, 2025-05-23, 8-11 May 2025 skipped",
            // R-RU-15 withdrawal, 30 calendar days: holidays count
            "WITHDRAWAL,    2026-01-10T12:00:00Z, 2026-02-09, calendar days include holidays",
            "WITHDRAWAL,    2025-12-31T12:00:00Z, 2026-01-30, calendar days over the year end",
    })
    void russianDeadlines(RequestType type, Instant received, String dueDay, String why) {
        assertThat(RU.due(type, received)).as(why).isEqualTo(endOfMoscowDay(dueDay));
    }

    @ParameterizedTest(name = "GDPR received {0}: due {1}")
    @CsvSource({
            // R-GDPR-13 one month, earliest candidate date (REQUIREMENTS §4 item 10)
            "2026-01-31T10:00:00Z, 2026-02-28T23:59:59.999999Z",
            "2028-01-31T10:00:00Z, 2028-02-29T23:59:59.999999Z",
            "2026-03-31T10:00:00Z, 2026-04-30T23:59:59.999999Z",
            "2026-08-31T00:00:00Z, 2026-09-30T23:59:59.999999Z",
            "2026-01-15T23:30:00Z, 2026-02-15T23:59:59.999999Z",
            "2026-12-31T12:00:00Z, 2027-01-31T23:59:59.999999Z",
            // a due date on a Saturday is not moved under the earliest rule
            "2026-09-03T08:00:00Z, 2026-10-03T23:59:59.999999Z",
    })
    void gdprDeadlinesByTheEarliestMonthRule(Instant received, Instant due) {
        for (RequestType type : RequestType.values()) {
            assertThat(EU.due(type, received)).as("%s", type).isEqualTo(due);
        }
    }

    @Test
    void gdprDaysEndInTheEstablishmentsZone() {
        DeadlineCalculator berlin = DeadlineCalculator.of(Jurisdiction.GDPR.withZone(ZoneId.of("Europe/Berlin")));
        // 23:30 UTC on 31 January is 00:30 on 1 February in Berlin: due 1 March, end of day CET
        assertThat(berlin.due(RequestType.ACCESS, Instant.parse("2026-01-31T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-01T22:59:59.999999Z"));
        // summer time: the end of 30 June is 21:59:59.999999 UTC
        assertThat(berlin.due(RequestType.ACCESS, Instant.parse("2026-05-30T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-30T21:59:59.999999Z"));
    }

    @ParameterizedTest(name = "rolling forward: received {0}, due {1}")
    @CsvSource({
            "2026-02-09T09:00:00Z, 2026-03-10, 9 March 2026 is a moved day off",
            "2025-12-31T09:00:00Z, 2026-02-02, 31 January 2026 is a Saturday",
            "2026-01-31T09:00:00Z, 2026-03-02, 28 February 2026 is a Saturday",
            "2026-03-16T09:00:00Z, 2026-04-16, an ordinary Thursday stays",
    })
    void aMonthRuleThatRollsForwardToTheNextWorkingDay(Instant received, String dueDay, String why) {
        Jurisdiction rolling = Jurisdiction.GDPR.withZone(MOSCOW)
                .withMonthRule(MonthRule.rollingForward(YearlyWorkingDayCalendar.russia()));
        assertThat(DeadlineCalculator.of(rolling).due(RequestType.ACCESS, received)).as(why)
                .isEqualTo(endOfMoscowDay(dueDay));
    }

    // ---- extensions --------------------------------------------------------------------------

    @Test
    void russianExtensionIsAtMostFiveWorkingDaysAfterTheDueDay() {
        Instant received = Instant.parse("2025-12-24T09:00:00Z");
        assertThat(RU.latestExtendedDue(RequestType.ACCESS, received)).contains(endOfMoscowDay("2026-01-26"));
        assertThat(RU.extendedDue(RequestType.ACCESS, received, LegalPeriod.workingDays(5)))
                .isEqualTo(endOfMoscowDay("2026-01-26"));
        assertThat(RU.extendedDue(RequestType.OBJECTION, received, LegalPeriod.workingDays(2)))
                .isEqualTo(endOfMoscowDay("2026-01-21"));
        assertThatThrownBy(() -> RU.extendedDue(RequestType.ACCESS, received, LegalPeriod.workingDays(6)))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("past the legal maximum of 5 working days");
        assertThatThrownBy(() -> RU.extendedDue(RequestType.ACCESS, received, LegalPeriod.days(5)))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("counts in WORKING_DAYS");
        for (RequestType none : List.of(RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.RESTRICTION,
                RequestType.WITHDRAWAL)) {
            assertThat(RU.latestExtendedDue(none, received)).as("%s", none).isEmpty();
            assertThatThrownBy(() -> RU.extendedDue(none, received, LegalPeriod.workingDays(1)))
                    .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("have no extension");
        }
    }

    @Test
    void gdprExtensionIsAtMostThreeMonthsFromReceipt() {
        Instant received = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(EU.latestExtendedDue(RequestType.ERASURE, received))
                .contains(Instant.parse("2026-04-30T23:59:59.999999Z"));
        assertThat(EU.extendedDue(RequestType.ERASURE, received, LegalPeriod.months(1)))
                .isEqualTo(Instant.parse("2026-03-31T23:59:59.999999Z"));
        assertThatThrownBy(() -> EU.extendedDue(RequestType.ERASURE, received, LegalPeriod.months(3)))
                .isInstanceOf(InvalidExtensionException.class).hasMessageContaining("past the legal maximum of 2 months");
    }

    // ---- other units and failures --------------------------------------------------------------

    @Test
    void hoursAreWallClockHoursThroughWeekendsAndHolidays() {
        // M23: aware on Friday 18:00, 72 hours later is Monday 18:00
        assertThat(RU.due(Instant.parse("2025-12-26T15:00:00Z"), LegalPeriod.hours(72)))
                .isEqualTo(Instant.parse("2025-12-29T15:00:00Z"));
        assertThatThrownBy(() -> RU.dueDate(LocalDate.of(2026, 1, 1), LegalPeriod.hours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineReachingAYearWithoutATableFailsWhenTheCalendarDeclaresNoProvisionalRule() {
        // R-RU-10: a calendar without a provisional rule still fails closed
        DeadlineCalculator strict = DeadlineCalculator.of(Jurisdiction.RU_152FZ
                .withCalendar(YearlyWorkingDayCalendar.russia().withoutProvisionalRule()));
        // 28, 29, 30 December 2026 count; 31 December is off; the rest lies in 2027
        assertThatThrownBy(() -> strict.due(RequestType.ACCESS, Instant.parse("2026-12-25T09:00:00Z")))
                .isInstanceOf(UnknownCalendarYearException.class).hasMessageContaining("2027");
        assertThat(strict.due(RequestType.RESTRICTION, Instant.parse("2026-12-25T09:00:00Z")))
                .isEqualTo(endOfMoscowDay("2026-12-30"));
        // the shipped profile counts 2027 by its provisional rule instead (ProvisionalDeadlineTest)
        assertThat(RU.dueTime(RequestType.ACCESS, Instant.parse("2026-12-25T09:00:00Z")).isProvisional()).isTrue();
    }

    @Test
    void russianProfileCountsOnTheShippedCalendarInMoscow() {
        assertThat(Jurisdiction.RU_152FZ.calendar()).contains(YearlyWorkingDayCalendar.russia());
        assertThat(Jurisdiction.RU_152FZ.zone()).isEqualTo(MOSCOW);
        assertThat(Jurisdiction.RU_152FZ.complaintRight()).contains("Roskomnadzor").contains("Art. 17");
        assertThat(Jurisdiction.GDPR.calendar()).isEmpty();
        assertThat(Jurisdiction.GDPR.complaintRight()).contains("supervisory authority").contains("77");
    }

    @Test
    void aProfileThatCountsWorkingDaysNeedsACalendar() {
        Map<RequestType, RequestDeadline> m = new EnumMap<>(RequestType.class);
        for (RequestType t : RequestType.values()) {
            m.put(t, new RequestDeadline(LegalPeriod.workingDays(5), Optional.empty(), "house rule"));
        }
        assertThatThrownBy(() -> new Jurisdiction("acme", m, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give it a WorkingDayCalendar");
        Jurisdiction acme = new Jurisdiction("acme", m, List.of(), MOSCOW,
                Optional.of(YearlyWorkingDayCalendar.russia()), MonthRule.EARLIEST, "complain to the board");
        assertThat(DeadlineCalculator.of(acme).due(RequestType.ACCESS, Instant.parse("2026-01-02T09:00:00Z")))
                .isEqualTo(endOfMoscowDay("2026-01-16"));
    }
}
