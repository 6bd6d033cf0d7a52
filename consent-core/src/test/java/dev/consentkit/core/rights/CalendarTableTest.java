package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.UnknownCalendarYearException;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A host's own yearly tables: loaded, added to the shipped calendar, and refused when malformed. */
class CalendarTableTest {
    private static final String HEAD = "calendar ru\nyear 2027\nweekend SATURDAY SUNDAY\nsource host's reading of the 2027 decree\n";

    static InputStream table(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHostAddsAYearToTheShippedCalendar() {
        YearlyWorkingDayCalendar ru = YearlyWorkingDayCalendar.russia()
                .withTable(table(HEAD + "holiday 2027-01-01 New Year (Labour Code Art. 112)\n"
                        + "working 2027-01-02 a worked Saturday (host's assumption)\n"));

        assertThat(ru.years()).containsExactly(2025, 2026, 2027);
        assertThat(ru.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(ru.isWorkingDay(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(ru.isWorkingDay(LocalDate.of(2027, 1, 3))).isFalse();
        assertThat(ru.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(YearlyWorkingDayCalendar.russia().years()).as("the shipped calendar is unchanged").containsExactly(2025, 2026);
    }

    @Test
    void aHostLoadsItsOwnCalendarWithAnotherWeekend() {
        YearlyWorkingDayCalendar ae = YearlyWorkingDayCalendar.load(table(
                "# a six-day week\ncalendar studio\nyear 2026\nweekend SUNDAY\nsource house rules\n"
                        + "holiday 2026-12-25 studio closed (house rules)\n"));
        assertThat(ae.name()).isEqualTo("studio");
        assertThat(ae.isWorkingDay(LocalDate.of(2026, 12, 26))).as("a Saturday").isTrue();
        assertThat(ae.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(ae.isWorkingDay(LocalDate.of(2026, 12, 27))).isFalse();
        assertThatThrownBy(() -> ae.isWorkingDay(LocalDate.of(2027, 1, 4))).isInstanceOf(UnknownCalendarYearException.class);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "calendar ru\\nyear 2027\\nweekend SATURDAY SUNDAY\\n| needs at least one 'source'",
            "calendar ru\\nweekend SATURDAY SUNDAY\\nsource x\\n| needs 'calendar', 'year' and 'weekend'",
            "HEADfeast 2027-01-01 x\\n| line 5: unknown keyword 'feast'",
            "HEADholiday 2026-12-31 x\\n| line 5: 2026-12-31 lies outside the table's year 2027",
            "HEADholiday 2027-02-30 x\\n| line 5: '2027-02-30' is not a date",
            "HEADholiday 2027-01-01\\n| line 5: every date needs a note",
            "HEADworking 2027-01-04 x\\n| line 5: 2027-01-04 is a MONDAY, a working day already",
            "HEADday-off 2027-01-02 x\\n| line 5: 2027-01-02 is a SATURDAY, a day off already",
            "HEADholiday 2027-01-01 x\\nday-off 2027-01-01 y\\n| line 6: 2027-01-01 is listed twice",
            "calendar ru\\nyear 2027\\nholiday 2027-01-01 x\\n| line 3: 'year' and 'weekend' come before the dates",
            "calendar RU!\\n| line 1: one 'calendar' name",
            "calendar ru\\nyear 27\\n| line 2: one 'year' of four digits",
            "calendar ru\\nyear 2027\\nweekend FUNDAY\\n| line 3: 'FUNDAY' is not a day of the week",
    })
    void aMalformedTableIsRefusedNamingTheLine(String text, String message) {
        String body = text.replace("HEAD", HEAD).replace("\\n", "\n");
        assertThatThrownBy(() -> YearlyWorkingDayCalendar.load(table(body)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void tablesNeverReplaceAYearOrJoinAnotherCalendar() {
        assertThatThrownBy(() -> YearlyWorkingDayCalendar.russia()
                .withTable(table(HEAD.replace("2027", "2026"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has a table for 2026 already");
        assertThatThrownBy(() -> YearlyWorkingDayCalendar.russia()
                .withTable(table(HEAD.replace("calendar ru", "calendar kz"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kz' cannot join calendar 'ru'");
        assertThatThrownBy(YearlyWorkingDayCalendar::load).isInstanceOf(IllegalArgumentException.class);
    }
}
