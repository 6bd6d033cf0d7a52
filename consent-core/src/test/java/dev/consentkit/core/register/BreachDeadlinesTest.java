package dev.consentkit.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.core.jurisdiction.BreachClock;
import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table tests of the breach clocks (M23; R-GDPR-21, R-RU-19) with fixed instants. Breach clocks run in
 * wall-clock hours: weekends and public holidays (Russian New Year holidays, 1 May, Christmas on 7
 * January) count like any other hour, and nothing moves to a working day. Every time is a UTC instant,
 * so a daylight-saving change in the host's zone is irrelevant: the rows around the EU changes of
 * 29 March and 25 October 2026 still give exactly 72 elapsed hours.
 */
class BreachDeadlinesTest {
    private static final List<Jurisdiction> BOTH = List.of(Jurisdiction.GDPR, Jurisdiction.RU_152FZ);

    @ParameterizedTest(name = "{0}: detected {1}, aware {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                          | detected                   | aware                      | GDPR authority notice (aware + 72 h) | 152-FZ initial notice (detected + 24 h) | 152-FZ investigation results (detected + 72 h)
            Friday 18:00 (M23)              | 2026-11-27T18:00:00Z       | 2026-11-27T18:00:00Z       | 2026-11-30T18:00:00Z | 2026-11-28T18:00:00Z | 2026-11-30T18:00:00Z
            detected Friday morning         | 2026-11-27T10:00:00Z       | 2026-11-27T18:00:00Z       | 2026-11-30T18:00:00Z | 2026-11-28T10:00:00Z | 2026-11-30T10:00:00Z
            Saturday, weekend counted       | 2026-11-28T09:30:00Z       | 2026-11-28T09:30:00Z       | 2026-12-01T09:30:00Z | 2026-11-29T09:30:00Z | 2026-12-01T09:30:00Z
            Sunday night                    | 2026-11-29T23:59:59.999999Z | 2026-11-29T23:59:59.999999Z | 2026-12-02T23:59:59.999999Z | 2026-11-30T23:59:59.999999Z | 2026-12-02T23:59:59.999999Z
            New Year eve, holidays counted | 2026-12-31T18:00:00Z      | 2026-12-31T18:00:00Z       | 2027-01-03T18:00:00Z | 2027-01-01T18:00:00Z | 2027-01-03T18:00:00Z
            Russian New Year holidays, 7 Jan | 2027-01-04T12:00:00Z      | 2027-01-04T12:00:00Z       | 2027-01-07T12:00:00Z | 2027-01-05T12:00:00Z | 2027-01-07T12:00:00Z
            eve of 1 May                    | 2026-04-30T23:00:00Z       | 2026-04-30T23:00:00Z       | 2026-05-03T23:00:00Z | 2026-05-01T23:00:00Z | 2026-05-03T23:00:00Z
            spring DST change in the EU     | 2026-03-27T18:00:00Z       | 2026-03-27T18:00:00Z       | 2026-03-30T18:00:00Z | 2026-03-28T18:00:00Z | 2026-03-30T18:00:00Z
            autumn DST change in the EU     | 2026-10-23T18:00:00Z       | 2026-10-23T18:00:00Z       | 2026-10-26T18:00:00Z | 2026-10-24T18:00:00Z | 2026-10-26T18:00:00Z
            leap day counted                | 2028-02-28T12:00:00Z       | 2028-02-28T12:00:00Z       | 2028-03-02T12:00:00Z | 2028-02-29T12:00:00Z | 2028-03-02T12:00:00Z
            aware a day after detection     | 2026-11-26T18:00:00Z       | 2026-11-27T18:00:00Z       | 2026-11-30T18:00:00Z | 2026-11-27T18:00:00Z | 2026-11-29T18:00:00Z
            """)
    void deadlinesOfBothJurisdictions_M23(String name, Instant detected, Instant aware, Instant gdpr, Instant ruInitial,
                                          Instant ruResults) {
        List<BreachDeadline> deadlines = BreachDeadlines.of(BOTH, detected, aware);

        assertThat(deadlines).hasSize(3);
        assertThat(due(deadlines, "gdpr", "authority-notice")).isEqualTo(gdpr);
        assertThat(due(deadlines, "ru_152fz", "initial-notice")).isEqualTo(ruInitial);
        assertThat(due(deadlines, "ru_152fz", "investigation-results")).isEqualTo(ruResults);
        assertThat(deadlines).extracting(BreachDeadline::dueAt).isSorted();
    }

    @Test
    void everyDeadlineNamesItsLegalSource() {
        assertThat(BreachDeadlines.of(BOTH, Instant.EPOCH, Instant.EPOCH)).extracting(BreachDeadline::source)
                .containsExactly("152-FZ Art. 21 part 3.1(1)", "GDPR Art. 33(1)", "152-FZ Art. 21 part 3.1(2)");
    }

    @Test
    void awarenessBeforeDetectionIsRefused() {
        assertThatThrownBy(() -> BreachDeadlines.of(BOTH, Instant.parse("2026-11-27T18:00:00Z"),
                Instant.parse("2026-11-27T17:59:59.999999Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aware before detected");
    }

    @Test
    void aHostClockInCalendarDaysCountsWholeDaysAndOneInWorkingDaysIsRefused() {
        Jurisdiction days = host("host-days", new BreachClock("authority-notice", LegalPeriod.days(3), "Host law §1"));
        Jurisdiction workingDays = host("host-wd", new BreachClock("authority-notice", LegalPeriod.workingDays(3),
                "Host law §2"));
        Instant friday = Instant.parse("2026-11-27T18:00:00Z");

        assertThat(BreachDeadlines.of(List.of(days), friday, friday)).extracting(BreachDeadline::dueAt)
                .containsExactly(Instant.parse("2026-11-30T18:00:00Z"));
        assertThatThrownBy(() -> BreachDeadlines.of(List.of(workingDays), friday, friday))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host-wd/authority-notice")
                .hasMessageContaining("hours or calendar days");
    }

    private static Jurisdiction host(String id, BreachClock clock) {
        Map<RequestType, dev.consentkit.core.jurisdiction.RequestDeadline> requests = new java.util.EnumMap<>(RequestType.class);
        for (RequestType t : RequestType.values()) {
            requests.put(t, Jurisdiction.GDPR.deadline(t));
        }
        return new Jurisdiction(id, requests, List.of(clock));
    }

    private static Instant due(List<BreachDeadline> deadlines, String jurisdiction, String clock) {
        return deadlines.stream().filter(d -> d.is(jurisdiction, clock)).findFirst().orElseThrow().dueAt();
    }
}
