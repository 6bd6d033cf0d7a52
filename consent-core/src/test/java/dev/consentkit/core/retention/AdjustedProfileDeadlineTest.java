package dev.consentkit.core.retention;

import dev.consentkit.core.CategoryId;
import static dev.consentkit.testkit.fixtures.Fixtures.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.core.purpose.RetentionTrigger;
import dev.consentkit.core.register.BreachDeadline;
import dev.consentkit.core.register.BreachDetails;
import dev.consentkit.core.register.BreachIncident;
import dev.consentkit.core.register.BreachRegister;
import dev.consentkit.core.register.BreachRisk;
import dev.consentkit.core.jurisdiction.BreachClock;
import dev.consentkit.core.jurisdiction.DeadlineCalculator;
import dev.consentkit.core.jurisdiction.DestructionDeadline;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.MonthRule;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Profiles are data: a 152-FZ profile adjusted with {@code withZone}, {@code withCalendar} (how a
 * year's table is added) or {@code withMonthRule} is no longer {@code equals} to
 * {@link Jurisdiction#RU_152FZ}, and keeps every rule it declares - request deadlines, breach clocks,
 * the right to complain and the 30-day destruction rule the retention engine enforces (R-RU-10,
 * R-RU-14, R-RU-15, R-RU-19; M12, M25).
 */
class AdjustedProfileDeadlineTest {
    private final MutableClock clock = MutableClock.at("2026-12-20T09:00:00Z");

    private static Jurisdiction adjusted(String how) {
        return switch (how) {
            case "zone" -> Jurisdiction.RU_152FZ.withZone(ZoneId.of("Asia/Vladivostok"));
            case "calendar" -> Jurisdiction.RU_152FZ.withCalendar(YearlyWorkingDayCalendar.russia()
                    .withTable(Fixtures.calendarFixture("ru-2027-fixture-later.calendar")));
            case "calendar-without-rule" -> Jurisdiction.RU_152FZ.withCalendar(
                    YearlyWorkingDayCalendar.russia().withoutProvisionalRule());
            case "month-rule" -> Jurisdiction.RU_152FZ.withMonthRule(
                    MonthRule.rollingForward(YearlyWorkingDayCalendar.russia()));
            case "all" -> Jurisdiction.RU_152FZ.withZone(ZoneId.of("Europe/Kaliningrad"))
                    .withCalendar(YearlyWorkingDayCalendar.russia().withoutProvisionalRule());
            default -> throw new IllegalArgumentException(how);
        };
    }

    private ConsentKit kit(Jurisdiction jurisdiction) {
        return ConsentKit.builder().catalog(Fixtures.catalog()).storage(InMemoryStorage.create()).clock(clock)
                .auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey()).jurisdiction(jurisdiction).build();
    }

    @ParameterizedTest(name = "adjusted by {0}")
    @CsvSource({"zone", "calendar", "calendar-without-rule", "month-rule", "all"})
    void anAdjustedProfileKeepsEveryRuleItDeclares(String how) {
        Jurisdiction ru = adjusted(how);

        assertThat(ru).isNotEqualTo(Jurisdiction.RU_152FZ);
        assertThat(ru.id()).isEqualTo(Jurisdiction.RU_152FZ.id());
        assertThat(ru.requests()).isEqualTo(Jurisdiction.RU_152FZ.requests());
        assertThat(ru.breachClocks()).isEqualTo(Jurisdiction.RU_152FZ.breachClocks());
        assertThat(ru.complaintRight()).isEqualTo(Jurisdiction.RU_152FZ.complaintRight());
        assertThat(ru.destruction()).contains(new DestructionDeadline(LegalPeriod.days(30), "152-FZ Art. 21 parts 4-5"));
        assertThat(DeadlineCalculator.of(ru).latestExtendedDue(RequestType.ACCESS, Instant.parse("2026-06-01T09:00:00Z")))
                .isPresent();
    }

    @ParameterizedTest(name = "adjusted by {0}")
    @CsvSource({"zone", "calendar", "calendar-without-rule", "month-rule", "all"})
    void theRetentionEngineEnforcesThe30DayRuleOfAnAdjustedProfile(String how) {
        // R-RU-15: was skipped for every adjusted profile while the engine compared whole profiles
        ConsentKit kit = kit(adjusted(how));
        RetentionPolicy year = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
                .keep(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL).build();
        RetentionPolicy days30 = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
                .keep(Period.ofDays(30), RetentionTrigger.SINCE_WITHDRAWAL).build();
        HostRecords contacts = new HostRecords();

        assertThatThrownBy(() -> RetentionEngine.builder(kit).policy(year).target(CategoryId.of("contact"), contacts).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("152-FZ Art. 21 parts 4-5")
                .hasMessageContaining("30 calendar days").hasMessageContaining("ru_152fz");
        assertThat(RetentionEngine.builder(kit).policy(days30).target(CategoryId.of("contact"), contacts).build().policies())
                .containsExactly(days30);
    }

    @Test
    void aProfileThatDeclaresNoDestructionDeadlineHasNoSuchLimitWhateverItsId() {
        HostRecords contacts = new HostRecords();
        RetentionPolicy year = RetentionPolicy.builder(NEWSLETTER, CategoryId.of("contact"))
                .keep(Period.ofYears(1), RetentionTrigger.SINCE_WITHDRAWAL).build();
        Jurisdiction gdpr = Jurisdiction.GDPR.withZone(ZoneId.of("Europe/Berlin"));
        assertThat(RetentionEngine.builder(kit(gdpr)).policy(year).target(CategoryId.of("contact"), contacts).build().policies())
                .containsExactly(year);
        // a host's own profile opts in by declaring the rule, not by its name
        Jurisdiction house = gdpr.withDestruction(Optional.of(new DestructionDeadline(LegalPeriod.days(14), "house rule 3")));
        assertThatThrownBy(() -> RetentionEngine.builder(kit(house)).policy(year).target(CategoryId.of("contact"), contacts).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("house rule 3");
        assertThatThrownBy(() -> new DestructionDeadline(LegalPeriod.workingDays(30), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calendar days");
    }

    @Test
    void aBreachUnderTheShippedAndAnAdjustedProfileGetsEachClockOnce() {
        // R-RU-19: the profiles are one jurisdiction; their clocks are not doubled
        ConsentKit kit = kit(adjusted("zone"));
        BreachDetails details = BreachDetails.builder("Laptop stolen").categories(CategoryId.of("contact")).risk(BreachRisk.HIGH).build();
        Instant now = clock.instant();

        BreachIncident b = BreachRegister.of(kit).record(now, now, details,
                List.of(Jurisdiction.RU_152FZ, adjusted("zone"), adjusted("calendar")), Actor.operator("dpo"));

        assertThat(b.deadlines()).extracting(BreachDeadline::clock).containsExactly("initial-notice", "investigation-results");
        Jurisdiction otherClocks = new Jurisdiction("ru_152fz", Jurisdiction.RU_152FZ.requests(),
                List.of(new BreachClock("initial-notice", LegalPeriod.hours(48), "made up")), ZoneId.of("Europe/Moscow"),
                Jurisdiction.RU_152FZ.calendar(), MonthRule.EARLIEST, "complain");
        assertThatThrownBy(() -> BreachRegister.of(kit).record(now, now, details,
                List.of(Jurisdiction.RU_152FZ, otherClocks), Actor.operator("dpo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different breach clocks");
    }
}
