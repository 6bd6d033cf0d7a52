package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.UnknownCalendarYearException;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Russian production calendar shipped in the jar (R-RU-10, REQUIREMENTS §4 item 14): Labour Code
 * Art. 112 holidays plus the moves of Government Decrees No. 1335 (2025) and No. 1466 (2026).
 */
class RussianCalendarTest {
    private final YearlyWorkingDayCalendar ru = YearlyWorkingDayCalendar.russia();

    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({"2025, 247", "2026, 247"})
    void eachYearHasThePublishedNumberOfWorkingDays(int year, int expected) {
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            working += ru.isWorkingDay(d) ? 1 : 0;
        }
        assertThat(working).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} working: {1} ({2})")
    @CsvSource({
            // New Year holidays and Christmas
            "2025-01-01, false, holiday",
            "2025-01-08, false, holiday",
            "2025-01-09, true,  first working day of 2025",
            "2026-01-08, false, holiday",
            "2026-01-09, false, Friday: day off moved from Saturday 3 January (Decree 1466)",
            "2026-01-12, true,  first working day of 2026",
            // moves of Decree 1335 (2025)
            "2025-05-02, false, Friday: moved from Saturday 4 January",
            "2025-05-08, false, Thursday: moved from Sunday 23 February",
            "2025-06-13, false, Friday: moved from Saturday 8 March",
            "2025-11-01, true,  Saturday worked",
            "2025-11-03, false, Monday: moved from Saturday 1 November",
            "2025-12-31, false, Wednesday: moved from Sunday 5 January",
            "2025-02-24, true,  Monday after a Sunday holiday whose day off was moved to 8 May",
            "2025-03-10, true,  Monday after a Saturday holiday whose day off was moved to 13 June",
            // 2026: Labour Code Art. 112 part 2 moves and Decree 1466
            "2026-02-23, false, Monday holiday",
            "2026-03-09, false, Monday: 8 March fell on a Sunday",
            "2026-05-11, false, Monday: 9 May fell on a Saturday",
            "2026-11-04, false, Wednesday holiday",
            "2026-11-05, true,  ordinary Thursday",
            "2026-12-31, false, Thursday: moved from Sunday 4 January",
            // ordinary weekends and weekdays
            "2026-03-14, false, Saturday",
            "2026-03-16, true,  Monday",
    })
    void daysFollowTheCodeAndTheDecrees(LocalDate date, boolean working, String why) {
        assertThat(ru.isWorkingDay(date)).as(why).isEqualTo(working);
    }

    @Test
    void everyListedDayNamesItsSourceAndEachTableNamesItsDecree() {
        assertThat(ru.name()).isEqualTo("ru");
        assertThat(ru.years()).containsExactly(2025, 2026);
        assertThat(ru.sources(2025)).anyMatch(s -> s.contains("№ 1335") && s.contains("04.10.2024"));
        assertThat(ru.sources(2026)).anyMatch(s -> s.contains("№ 1466") && s.contains("24.09.2025"));
        assertThat(ru.note(LocalDate.of(2026, 1, 9))).hasValueSatisfying(n -> assertThat(n).contains("Decree No. 1466"));
        assertThat(ru.note(LocalDate.of(2026, 3, 9))).hasValueSatisfying(n -> assertThat(n).contains("Art. 112 part 2"));
        assertThat(ru.note(LocalDate.of(2025, 11, 1))).hasValueSatisfying(n -> assertThat(n).contains("Decree No. 1335"));
        assertThat(ru.note(LocalDate.of(2026, 3, 16))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2024-12-31", "2027-01-01", "1970-01-01"})
    void aYearWithoutATableIsAnErrorWithoutAProvisionalRule(LocalDate date) {
        YearlyWorkingDayCalendar strict = ru.withoutProvisionalRule();
        assertThatThrownBy(() -> strict.isWorkingDay(date))
                .isInstanceOf(UnknownCalendarYearException.class)
                .hasMessageContaining("ru").hasMessageContaining(String.valueOf(date.getYear()));
        assertThatThrownBy(() -> ru.note(date)).as("a provisional rule gives no notes")
                .isInstanceOf(UnknownCalendarYearException.class);
    }

    @Test
    void theShippedCalendarAnswersOtherYearsProvisionallyFrom2013() {
        assertThat(ru.day(LocalDate.of(2027, 1, 1)).isProvisional()).isTrue();
        assertThat(ru.day(LocalDate.of(2024, 12, 31)).isProvisional()).isTrue();
        assertThat(ru.day(LocalDate.of(2026, 12, 31)).isProvisional()).isFalse();
        assertThatThrownBy(() -> ru.isWorkingDay(LocalDate.of(1970, 1, 1)))
                .as("the rule's holiday list is the one in force since 2013")
                .isInstanceOf(UnknownCalendarYearException.class).hasMessageContaining("1970");
    }
}
