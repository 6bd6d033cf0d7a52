package dev.consentkit.core.rights;

import dev.consentkit.core.jurisdiction.Jurisdiction;
import dev.consentkit.core.jurisdiction.LegalPeriod;
import dev.consentkit.core.jurisdiction.RequestType;
import dev.consentkit.core.jurisdiction.WorkingDayCalendar;
import dev.consentkit.core.jurisdiction.YearlyWorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.core.Actor;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.CollectionMethod;
import dev.consentkit.core.memory.InMemoryStorage;
import dev.consentkit.testkit.fixtures.Fixtures;
import dev.consentkit.testkit.fixtures.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The "done when", as a property over the in-memory store (R-RU-10, R-RU-11, R-RU-13,
 * R-RU-15, R-RU-16; M12): a 152-FZ request received at any moment of 2027-2100 is recorded, through
 * the public API, with a deadline - the n-th working day after the day of receipt, by the calendar's
 * provisional rule, and marked provisional. The database stores run the same through
 * {@code ProvisionalDeadlineScenarios}.
 */
class ProvisionalDeadlineProperties {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate FIRST = LocalDate.of(2027, 1, 1);
    /** Days from 1 January 2027 to 31 December 2100 (checked by {@link #theRangeEndsOn31December2100}). */
    private static final int LAST = 27_027;
    private static final SubjectId CLIENT = SubjectId.of("client-1");

    @Example
    void theRangeEndsOn31December2100() {
        assertThat(FIRST.plusDays(LAST)).isEqualTo(LocalDate.of(2100, 12, 31));
    }

    @Property
    void aRequestReceivedIn2027OrLaterIsRecordedWithItsDeadline(@ForAll @IntRange(min = 0, max = LAST) int day,
                                                                 @ForAll @IntRange(min = 0, max = 86_399) int second,
                                                                 @ForAll RequestType type) {
        Instant received = FIRST.plusDays(day).atStartOfDay(MOSCOW).toInstant().plusSeconds(second);
        ConsentKit ru = ConsentKit.builder().catalog(Fixtures.catalog()).storage(InMemoryStorage.create())
                .clock(new MutableClock(received)).auditKey(Fixtures.auditKey()).pseudonymKey(Fixtures.pseudonymKey())
                .jurisdiction(Jurisdiction.RU_152FZ).build();
        ru.consent(CLIENT, Fixtures.NEWSLETTER).evidence(ru.evidence(CollectionMethod.WEB_CHECKBOX).build()).give();

        SubjectRequest r = SubjectRights.builder(ru).build().receive(CLIENT, type, Actor.subject());

        assertThat(SubjectRights.builder(ru).build().find(r.id())).contains(r);
        LegalPeriod period = Jurisdiction.RU_152FZ.deadline(type).answerWithin();
        LocalDate receivedOn = received.atZone(MOSCOW).toLocalDate();
        LocalDate dueOn = r.dueAt().atZone(MOSCOW).toLocalDate();
        assertThat(r.dueAt()).isEqualTo(dueOn.plusDays(1).atStartOfDay(MOSCOW).toInstant().minusNanos(1_000));
        if (period.unit() == LegalPeriod.Unit.WORKING_DAYS) {
            WorkingDayCalendar calendar = YearlyWorkingDayCalendar.russia();
            int counted = 0;
            for (LocalDate d = receivedOn.plusDays(1); !d.isAfter(dueOn); d = d.plusDays(1)) {
                counted += calendar.isWorkingDay(d) ? 1 : 0;
            }
            assertThat(counted).isEqualTo(period.amount());
            assertThat(calendar.isWorkingDay(dueOn)).isTrue();
            assertThat(r.isProvisional()).isTrue();
        } else {
            assertThat(dueOn).isEqualTo(receivedOn.plusDays(period.amount()));
            assertThat(r.isProvisional()).isFalse();
        }
    }
}
