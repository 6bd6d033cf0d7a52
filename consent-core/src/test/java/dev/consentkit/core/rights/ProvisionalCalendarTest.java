package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.CalendarDay;
import dev.consentkit.core.jurisdiction.CalendarSource;
import dev.consentkit.core.jurisdiction.ProvisionalRule;
import dev.consentkit.core.jurisdiction.UnknownCalendarYearException;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.testkit.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Russian calendar for a year without a table (R-RU-10, M12): Labour Code Art. 112 holidays and
 * the part 2 move of a weekend holiday, the January moves left to the decree; the identity of each
 * table and rule; and a calendar that declares no rule, or its own.
 */
class ProvisionalCalendarTest {
    private final YearlyWorkingDayCalendar ru = YearlyWorkingDayCalendar.russia();

    static InputStream fixture(String name) {
        return Fixtures.calendarFixture(name);
    }

    @ParameterizedTest(name = "{0} working: {1} ({2})")
    @CsvSource({
            // 2027 has no table: the rule answers. 1 January 2027 is a Friday.
            "2027-01-01, false, New Year holidays",
            "2027-01-02, false, a Saturday in the New Year holidays",
            "2027-01-07, false, Christmas",
            "2027-01-08, false, New Year holidays",
            "2027-01-11, true,  first working day: the decree's January moves are not known",
            "2027-02-23, false, Tuesday holiday",
            "2027-03-08, false, Monday holiday",
            "2027-05-01, false, Saturday holiday",
            "2027-05-03, false, Monday: 1 May fell on a Saturday (Art. 112 part 2)",
            "2027-05-09, false, Sunday holiday",
            "2027-05-10, false, Monday: 9 May fell on a Sunday (Art. 112 part 2)",
            "2027-05-11, true,  ordinary Tuesday",
            "2027-06-12, false, Saturday holiday",
            "2027-06-14, false, Monday: 12 June fell on a Saturday (Art. 112 part 2)",
            "2027-11-04, false, Thursday holiday",
            "2027-11-05, true,  Friday: no bridge without a decree",
            "2027-12-31, true,  Friday: no decree has made it a day off",
            // later years
            "2028-11-06, false, Monday: 4 November 2028 is a Saturday",
            "2029-11-05, false, Monday: 4 November 2029 is a Sunday",
            "2030-02-25, false, Monday: 23 February 2030 is a Saturday",
            "2030-02-26, true,  ordinary Tuesday",
            "2100-01-08, false, New Year holidays, far ahead",
            "2100-01-11, true,  Monday, far ahead",
            // a year before the shipped tables
            "2024-05-09, false, Victory Day 2024",
    })
    void theRussianRuleAnswersAYearWithoutATable(LocalDate date, boolean working, String why) {
        CalendarDay day = ru.day(date);
        assertThat(day.working()).as(why).isEqualTo(working);
        assertThat(ru.isWorkingDay(date)).isEqualTo(working);
        assertThat(day.isProvisional()).isTrue();
        assertThat(day.source()).contains(new CalendarSource.Provisional("ru", date.getYear(), "ru-labour-code-art112"));
    }

    @Test
    void onTheYearsWithADecreeTheRuleMissesOnlyWhatTheDecreeDecided() {
        // 2026: the decree moved the January weekend days to 9 January and 31 December; the rule counts
        // both as working days, so a provisional deadline comes earlier, never later, in 2026
        assertThat(differences(2026)).containsExactly(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 12, 31));
        // 2025: the decree also moved the days off of 23 February and 8 March elsewhere and made a
        // Saturday a working day, so the official deadline can fall either side of the provisional one
        assertThat(differences(2025)).contains(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 5, 8),
                LocalDate.of(2025, 11, 1));
        assertThat(ru.withoutProvisionalRule().isWorkingDay(LocalDate.of(2025, 2, 24))).isTrue();
        assertThat(ProvisionalRule.russianLabourCode().isWorkingDay(LocalDate.of(2025, 2, 24))).isFalse();
    }

    private List<LocalDate> differences(int year) {
        ProvisionalRule rule = ProvisionalRule.russianLabourCode();
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (rule.isWorkingDay(d) != ru.isWorkingDay(d)) {
                out.add(d);
            }
        }
        return out;
    }

    @Test
    void aTableIsKnownByTheSha256OfItsTextAndAnEditGivesANewIdentity() throws Exception {
        byte[] text;
        try (InputStream in = YearlyWorkingDayCalendar.class.getResourceAsStream("calendars/ru-2026.calendar")) {
            text = in.readAllBytes();
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        CalendarSource source = ru.source(2026);
        assertThat(source).isEqualTo(new CalendarSource.Table("ru", 2026, sha256));
        assertThat(source.toString()).isEqualTo("ru/2026@sha256:" + sha256);
        assertThat(ru.day(LocalDate.of(2026, 3, 9)).source()).contains(source);

        byte[] edited = (new String(text, StandardCharsets.UTF_8) + "# a comment added\n").getBytes(StandardCharsets.UTF_8);
        YearlyWorkingDayCalendar reloaded = YearlyWorkingDayCalendar.load(new ByteArrayInputStream(edited));
        assertThat(reloaded.source(2026)).isNotEqualTo(source);
        assertThat(reloaded.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(ru.source(2027).toString()).isEqualTo("ru/2027@provisional:ru-labour-code-art112");
    }

    @Test
    void loadingTheYearsTableEndsItsProvisionalAnswers() {
        YearlyWorkingDayCalendar with2027 = ru.withTable(fixture("ru-2027-fixture-later.calendar"));

        assertThat(with2027.years()).containsExactly(2025, 2026, 2027);
        assertThat(with2027.isOfficial(2027)).isTrue();
        assertThat(ru.isOfficial(2027)).isFalse();
        assertThat(with2027.day(LocalDate.of(2027, 1, 11))).satisfies(d -> {
            assertThat(d.working()).as("the fixture moves a January day off here").isFalse();
            assertThat(d.isProvisional()).isFalse();
            assertThat(d.source()).containsInstanceOf(CalendarSource.Table.class);
        });
        assertThat(with2027.provisionalRule()).as("the rule stays for 2028 and later")
                .contains(ProvisionalRule.russianLabourCode());
        assertThat(with2027.day(LocalDate.of(2028, 1, 10)).isProvisional()).isTrue();
    }

    @Test
    void aCalendarTheHostLoadsHasNoRuleUnlessItDeclaresOne() {
        YearlyWorkingDayCalendar studio = YearlyWorkingDayCalendar.load(CalendarTableTest.table(
                "calendar studio\nyear 2026\nweekend SUNDAY\nsource house rules\n"));
        assertThat(studio.provisionalRule()).isEmpty();
        assertThatThrownBy(() -> studio.day(LocalDate.of(2027, 1, 4))).isInstanceOf(UnknownCalendarYearException.class)
                .hasMessageContaining("studio").hasMessageContaining("2027");
        assertThat(studio.isOfficial(2027)).isFalse();

        ProvisionalRule sixDays = new ProvisionalRule() {
            @Override
            public String id() {
                return "studio-six-day-week";
            }

            @Override
            public boolean isWorkingDay(LocalDate date) {
                return date.getDayOfWeek() != DayOfWeek.SUNDAY;
            }
        };
        YearlyWorkingDayCalendar declared = studio.withProvisionalRule(sixDays);
        assertThat(declared.day(LocalDate.of(2027, 1, 2))).isEqualTo(new CalendarDay(LocalDate.of(2027, 1, 2), true,
                java.util.Optional.of(new CalendarSource.Provisional("studio", 2027, "studio-six-day-week"))));
        assertThat(declared.isWorkingDay(LocalDate.of(2027, 1, 3))).isFalse();
        assertThat(declared.isWorkingDay(LocalDate.of(2026, 12, 26))).as("2026 still from its table").isTrue();
        assertThat(declared.withoutProvisionalRule()).isEqualTo(studio);
    }

    @Test
    void aRuleWithAMalformedIdIsRefused() {
        ProvisionalRule bad = new ProvisionalRule() {
            @Override
            public String id() {
                return "Has Spaces";
            }

            @Override
            public boolean isWorkingDay(LocalDate date) {
                return true;
            }
        };
        assertThatThrownBy(() -> ru.withProvisionalRule(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provisional rule id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ru/2026@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, false",
            "ru/2027@provisional:ru-labour-code-art112, true",
            "studio_1/2099@provisional:a.b-c_d, true",
    })
    void aSourceReadsBackFromItsTextForm(String text, boolean provisional) {
        CalendarSource s = CalendarSource.parse(text);
        assertThat(s.toString()).isEqualTo(text);
        assertThat(s.isProvisional()).isEqualTo(provisional);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ru/2026@sha256:0123",
            "RU/2026@provisional:x",
            "ru/26@provisional:x",
            "ru/2026@guess:x",
            "ru/2026@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "ru/2026@provisional:x y",
    })
    void aMalformedSourceIsRefused(String text) {
        assertThatThrownBy(() -> CalendarSource.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendar source");
    }

    @Test
    void sourcesSortByCalendarYearThenText() {
        CalendarSource a = CalendarSource.parse("ru/2027@provisional:r");
        CalendarSource b = CalendarSource.parse("ru/2026@provisional:r");
        CalendarSource c = CalendarSource.parse("by/2030@provisional:r");
        assertThat(new java.util.TreeSet<>(List.of(a, b, c))).containsExactly(c, b, a);
    }
}
